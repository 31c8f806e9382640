package com.seedancebot.app.health;

import com.seedancebot.core.provider.ProviderRouter;
import java.time.Clock;
import java.time.Instant;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * One provider's component of {@code /actuator/health} ({@code providers/<name>}), fed by every
 * call the bot makes to it: UP until {@link ProviderRouter#FAILURES_TO_AVOID} calls in a row failed
 * (no answer, 429, 5xx, refused credentials), then {@link #DEGRADED} until one succeeds. A provider
 * trouble never takes the bot out of service (chats keep being answered and jobs wait), so DEGRADED
 * ranks below UP in the overall status and is shown only in the details: the last success, the last
 * failure and what it was. Cheap: no call to the provider. Thread-safe.
 */
public class ProviderHealthIndicator implements HealthIndicator {

  /** A provider whose recent calls failed. */
  public static final Status DEGRADED = new Status("DEGRADED");

  private record State(
      Instant lastSuccess, Instant lastFailure, String lastError, int failuresInARow) {}

  private final Clock clock;
  private volatile State state = new State(null, null, null, 0);

  public ProviderHealthIndicator(Clock clock) {
    this.clock = clock;
  }

  /** A call was answered (a refused request counts: the provider works). */
  public synchronized void succeeded() {
    state = new State(clock.instant(), state.lastFailure(), state.lastError(), 0);
  }

  /** A call failed; {@code error} names how, without secrets. */
  public synchronized void failed(String error) {
    State s = state;
    state = new State(s.lastSuccess(), clock.instant(), error, s.failuresInARow() + 1);
  }

  @Override
  public Health health() {
    State s = state;
    Health.Builder health =
        s.failuresInARow() >= ProviderRouter.FAILURES_TO_AVOID
            ? Health.status(DEGRADED)
            : Health.up();
    return health
        .withDetail("lastSuccess", s.lastSuccess() == null ? "none" : s.lastSuccess().toString())
        .withDetail("lastFailure", s.lastFailure() == null ? "none" : s.lastFailure().toString())
        .withDetail("lastError", s.lastError() == null ? "none" : s.lastError())
        .withDetail("failuresInARow", s.failuresInARow())
        .build();
  }
}
