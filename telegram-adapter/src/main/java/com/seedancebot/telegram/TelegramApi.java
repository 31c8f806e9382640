package com.seedancebot.telegram;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Runs Bot API calls through the TelegramBots client and turns every failure into a {@link
 * TelegramCallException} whose message and cause never contain the token. A 429 answer is retried
 * after Telegram's {@code retry_after} when that wait is short; otherwise (or when it persists) the
 * exception is retryable and carries the wait. Blocking; thread-safe.
 */
public final class TelegramApi {
  private static final Logger log = LoggerFactory.getLogger(TelegramApi.class);

  /** One Bot API call; built afresh for every attempt so uploads can be re-sent. */
  @FunctionalInterface
  public interface Call<T> {
    T execute(TelegramClient client) throws TelegramApiException;
  }

  /** How the adapter waits before retrying (a real sleep in production, recorded in tests). */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    static Sleeper threadSleep() {
      return d -> Thread.sleep(d.toMillis());
    }
  }

  private final TelegramClient client;
  private final TokenRedactor redactor;
  private final Sleeper sleeper;
  private final int maxAttempts;
  private final Duration maxInlineWait;

  /**
   * @param maxAttempts attempts per call when Telegram answers 429
   * @param maxInlineWait the longest {@code retry_after} waited for inside a call; longer waits are
   *     handed to the caller
   */
  public TelegramApi(
      TelegramClient client,
      TokenRedactor redactor,
      Sleeper sleeper,
      int maxAttempts,
      Duration maxInlineWait) {
    this.client = Objects.requireNonNull(client, "client");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    this.maxAttempts = Math.max(1, maxAttempts);
    this.maxInlineWait = Objects.requireNonNull(maxInlineWait, "maxInlineWait");
  }

  /** Runs {@code call} (named {@code method} in errors), retrying short 429 waits. */
  public <T> T call(String method, Call<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.execute(client);
      } catch (TelegramApiRequestException e) {
        TelegramCallException failure = translate(method, e);
        Duration wait = failure.retryAfter();
        if (failure.errorCode() != 429
            || attempt >= maxAttempts
            || wait == null
            || wait.compareTo(maxInlineWait) > 0) {
          throw failure;
        }
        log.info("Telegram rate-limited {}; retrying in {}", method, wait);
        pause(method, wait, failure);
      } catch (TelegramApiException e) {
        throw new TelegramCallException(
            "Telegram " + method + " failed: " + describe(e),
            0,
            null,
            true,
            null,
            redactor.redact(e));
      }
    }
  }

  private TelegramCallException translate(String method, TelegramApiRequestException e) {
    int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
    String description = redactor.redact(e.getApiResponse());
    Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
    Duration wait = retryAfter == null ? null : Duration.ofSeconds(retryAfter);
    boolean retryable = code == 429 || code >= 500 || code == 0;
    // no code or description when the answer could not be read: then the exception says why
    String message =
        "Telegram refused "
            + method
            + (code > 0 ? " (" + code + ")" : "")
            + ": "
            + (description == null || description.isBlank() ? describe(e) : description);
    return new TelegramCallException(
        message, code, description, retryable, wait, redactor.redact(e));
  }

  /**
   * A failure in one line for logs and error messages: the exception, then each cause down to the
   * root (e.g. "Connection refused"), with the token masked. See {@link Failures}.
   */
  public String describe(Throwable failure) {
    return Failures.describe(failure, redactor);
  }

  private void pause(String method, Duration wait, TelegramCallException failure) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new TelegramCallException(
          "interrupted while waiting to retry " + method,
          failure.errorCode(),
          failure.description(),
          true,
          wait,
          new InterruptedIOException());
    }
  }
}
