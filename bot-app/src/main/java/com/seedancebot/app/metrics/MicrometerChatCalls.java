package com.seedancebot.app.metrics;

import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.delivery.ChatCallListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;

/**
 * Counts the chat adapters' calls to Telegram and Discord as {@link MetricNames#CHAT_CALLS} (tags
 * {@code platform}, {@code method}, {@code outcome}: {@code ok}, {@code rate_limited} for 429,
 * {@code client_error}, {@code server_error}, {@code io_error}). Thread-safe.
 */
public final class MicrometerChatCalls implements ChatCallListener {

  private final MeterRegistry registry;

  public MicrometerChatCalls(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void called(Platform platform, String method, Outcome outcome) {
    Counter.builder(MetricNames.CHAT_CALLS)
        .description("HTTP calls to chat platforms")
        .tag("platform", platform.name().toLowerCase(Locale.ROOT))
        .tag("method", method)
        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
  }
}
