package com.seedancebot.telegram;

import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches every Bot API exchange (an OkHttp interceptor on the adapter's clients, long polls
 * included) and remembers whether the last one reached a working Bot API server. A network failure,
 * a 5xx, or an answer saying the token is refused (401, 404) or that another instance takes the
 * updates (409) counts as a failure; any other answer counts as reachable. Logs each change once,
 * with its cause. File downloads are not watched. Thread-safe.
 */
final class TelegramLinkMonitor implements Interceptor {
  private static final Logger log = LoggerFactory.getLogger(TelegramLinkMonitor.class);

  private final TokenRedactor redactor;
  private volatile String problem; // null while the last exchange worked

  TelegramLinkMonitor(TokenRedactor redactor) {
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    String path = chain.request().url().encodedPath();
    if (!path.startsWith("/bot")) {
      return chain.proceed(chain.request());
    }
    String method = path.substring(path.lastIndexOf('/') + 1);
    Response response;
    try {
      response = chain.proceed(chain.request());
    } catch (IOException e) {
      failed("Telegram " + method + " failed: " + Failures.describe(e, redactor));
      throw e;
    }
    int code = response.code();
    if (code >= 500 || code == 401 || code == 404 || code == 409) {
      failed("Telegram answered " + method + " with HTTP " + code);
    } else {
      worked();
    }
    return response;
  }

  /** Null while the Bot API server answers; else what went wrong last. */
  String problem() {
    return problem;
  }

  private void failed(String what) {
    if (!what.equals(problem)) {
      log.warn("{}: updates cannot be taken until this clears", what);
    }
    problem = what;
  }

  private void worked() {
    if (problem != null) {
      log.info("Telegram is reachable again");
      problem = null;
    }
  }
}
