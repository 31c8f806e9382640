package com.seedancebot.core.delivery;

import com.seedancebot.core.chat.Platform;
import java.io.IOException;
import java.util.function.ToIntFunction;

/**
 * Told about every HTTP call a chat adapter makes to its platform (each attempt, so a request that
 * Telegram or Discord answered with 429 and that was then retried counts twice), for monitoring.
 * Implementations are thread-safe, quick and never throw.
 */
@FunctionalInterface
public interface ChatCallListener {

  /** How a call ended. */
  enum Outcome {
    OK,
    /** HTTP 429: the platform asked the bot to slow down. */
    RATE_LIMITED,
    /** Any other 4xx. */
    CLIENT_ERROR,
    /** 5xx. */
    SERVER_ERROR,
    /** No answer: connection refused or broken, timeout. */
    IO_ERROR;

    /** The outcome of a call the platform answered with this HTTP status. */
    public static Outcome ofStatus(int status) {
      if (status == 429) {
        return RATE_LIMITED;
      }
      if (status >= 500) {
        return SERVER_ERROR;
      }
      return status >= 400 ? CLIENT_ERROR : OK;
    }
  }

  /** Listens to nothing. */
  ChatCallListener NONE = (platform, method, outcome) -> {};

  /**
   * One call ended.
   *
   * @param method the platform's name for the call, free of ids and tokens (a Bot API method such
   *     as {@code sendVideo}, or a Discord route such as {@code POST /channels/{id}/messages})
   */
  void called(Platform platform, String method, Outcome outcome);

  /** One HTTP exchange with a platform, answering with a response that has a status. */
  @FunctionalInterface
  interface Exchange<R> {
    R run() throws IOException;
  }

  /**
   * Runs {@code exchange} and reports it: by the HTTP status {@code status} reads from its
   * response, or as {@link Outcome#IO_ERROR} when it throws (which is passed on).
   */
  default <R> R observe(
      Platform platform, String method, Exchange<R> exchange, ToIntFunction<R> status)
      throws IOException {
    try {
      R response = exchange.run();
      called(platform, method, Outcome.ofStatus(status.applyAsInt(response)));
      return response;
    } catch (IOException e) {
      called(platform, method, Outcome.IO_ERROR);
      throw e;
    }
  }
}
