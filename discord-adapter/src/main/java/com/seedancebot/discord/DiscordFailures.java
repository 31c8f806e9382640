package com.seedancebot.discord;

import com.seedancebot.core.delivery.ChatDeliveryException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.exceptions.InsufficientPermissionException;
import net.dv8tion.jda.api.exceptions.RateLimitedException;
import net.dv8tion.jda.api.requests.ErrorResponse;

/**
 * Translates what JDA reports into the core's two kinds of failure. Transient (retryable): Discord
 * 5xx, network errors, timeouts, rate limits JDA gave up on. Final: missing permissions or access,
 * unknown channel or user, any other 4xx. Messages name the problem for the operator and carry no
 * token or URL.
 */
public final class DiscordFailures {

  private DiscordFailures() {}

  /** The core's view of a failed Discord call made while doing {@code what}. */
  public static ChatDeliveryException translate(String what, Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof InsufficientPermissionException e) {
      return new ChatDeliveryException(
          what
              + ": the bot is missing the Discord permission '"
              + e.getPermission().getName()
              + "'",
          false,
          null,
          e);
    }
    if (cause instanceof ErrorResponseException e) {
      return fromErrorResponse(what, e);
    }
    if (cause instanceof RateLimitedException e) {
      return new ChatDeliveryException(
          what + ": rate limited by Discord", true, Duration.ofMillis(e.getRetryAfter()), e);
    }
    if (cause instanceof TimeoutException || cause instanceof CancellationException) {
      return new ChatDeliveryException(
          what + ": Discord did not answer in time (" + describe(cause) + ")", true, null, cause);
    }
    if (cause instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return new ChatDeliveryException(what + ": interrupted", true, null, cause);
    }
    return new ChatDeliveryException(what + ": " + describe(cause), false, null, cause);
  }

  /**
   * A failure in one line for logs: the exception's class and message, then each cause down to the
   * root (e.g. {@code IOException: ... <- ConnectException: Connection refused}). Never empty, even
   * when messages are null. Discord tokens travel in headers, never in these messages.
   */
  public static String describe(Throwable failure) {
    StringBuilder text = new StringBuilder();
    java.util.Set<Throwable> seen = new java.util.HashSet<>();
    for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
      String message = t.getMessage();
      if (text.length() > 0) {
        if (text.indexOf(message != null ? message : t.getClass().getName()) >= 0) {
          continue; // a wrapper repeating its cause adds nothing
        }
        text.append(" <- ");
      }
      text.append(t.getClass().getSimpleName()).append(message == null ? "" : ": " + message);
    }
    return text.toString();
  }

  /** The permission a failure says the bot lacks, if it is a permission failure. */
  public static Optional<String> missingPermission(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof ChatDeliveryException e && e.getCause() != null) {
      cause = unwrap(e.getCause());
    }
    if (cause instanceof InsufficientPermissionException e) {
      return Optional.of(e.getPermission().getName());
    }
    if (cause instanceof ErrorResponseException e) {
      if (e.getErrorResponse() == ErrorResponse.MISSING_PERMISSIONS) {
        return Optional.of(Permission.MESSAGE_SEND.getName());
      }
      if (e.getErrorResponse() == ErrorResponse.MISSING_ACCESS) {
        return Optional.of(Permission.VIEW_CHANNEL.getName());
      }
    }
    return Optional.empty();
  }

  /** Whether the failure says the message to edit is gone or not ours to edit. */
  public static boolean messageNotEditable(Throwable failure) {
    Throwable cause = unwrap(failure);
    if (cause instanceof ChatDeliveryException e && e.getCause() != null) {
      cause = unwrap(e.getCause());
    }
    return cause instanceof ErrorResponseException e
        && (e.getErrorResponse() == ErrorResponse.UNKNOWN_MESSAGE
            || e.getErrorResponse() == ErrorResponse.INVALID_AUTHOR_EDIT
            || e.getErrorResponse() == ErrorResponse.UNKNOWN_WEBHOOK);
  }

  private static ChatDeliveryException fromErrorResponse(String what, ErrorResponseException e) {
    int status = e.getResponse() == null ? -1 : e.getResponse().code;
    boolean transientError = e.isServerError() || status >= 500 || status < 0;
    String text =
        switch (e.getErrorResponse()) {
          case MISSING_PERMISSIONS ->
              what + ": the bot lacks the permissions to post here (Discord 50013)";
          case MISSING_ACCESS -> what + ": the bot cannot see this channel (Discord 50001)";
          case UNKNOWN_CHANNEL -> what + ": the channel no longer exists";
          case CANNOT_SEND_TO_USER -> what + ": the user does not accept direct messages";
          default ->
              what
                  + ": Discord answered "
                  + (status > 0 ? "HTTP " + status + " " : "")
                  + e.getErrorCode()
                  + " "
                  + e.getMeaning();
        };
    return new ChatDeliveryException(text, transientError, null, e);
  }

  private static Throwable unwrap(Throwable failure) {
    Throwable current = failure;
    while ((current instanceof ExecutionException || current instanceof CompletionException)
        && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
