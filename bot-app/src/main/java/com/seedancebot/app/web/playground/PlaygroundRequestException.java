package com.seedancebot.app.web.playground;

/**
 * A playground API request that cannot be served; {@link PlaygroundErrors} turns it into a JSON
 * error with the reason's HTTP status. The message is shown to the person at the browser: it names
 * what was wrong, never internals.
 */
public class PlaygroundRequestException extends RuntimeException {

  /** Why the request failed. */
  public enum Reason {
    /** Missing or malformed input: 400. */
    BAD_REQUEST,
    /** No such message in the session: 404. */
    NOT_FOUND,
    /** Uploads over the playground's limits: 413. */
    TOO_LARGE,
    /** The playground's work queue is full: 503. */
    BUSY
  }

  private final Reason reason;

  public PlaygroundRequestException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
