package com.seedancebot.app.health;

import com.seedancebot.telegram.TelegramAdapter;
import com.seedancebot.telegram.TelegramStatus;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code telegram} health component: UP while the adapter can take updates (connected, and the
 * Bot API server answers), DOWN otherwise, with the adapter's token-free explanation as {@code
 * detail} (shown only when the operator enables health details). Cheap: no call to Telegram.
 */
public class TelegramHealthIndicator implements HealthIndicator {

  private final TelegramAdapter adapter;

  public TelegramHealthIndicator(TelegramAdapter adapter) {
    this.adapter = adapter;
  }

  @Override
  public Health health() {
    TelegramStatus status = adapter.status();
    return (status.up() ? Health.up() : Health.down())
        .withDetail("detail", status.detail())
        .build();
  }
}
