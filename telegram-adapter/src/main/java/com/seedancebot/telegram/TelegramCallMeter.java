package com.seedancebot.telegram;

import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.delivery.ChatCallListener;
import java.io.IOException;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Tells a {@link ChatCallListener} about every exchange with the Bot API server (an OkHttp
 * interceptor on the adapter's clients, long polls and 429 answers retried later included), named
 * by its Bot API method ({@code sendvideo}, {@code getupdates}; {@code file} for file downloads),
 * never by anything that holds the token. Thread-safe.
 */
final class TelegramCallMeter implements Interceptor {

  private final ChatCallListener listener;

  TelegramCallMeter(ChatCallListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    String method = method(chain.request().url().encodedPath());
    try {
      Response response = chain.proceed(chain.request());
      listener.called(
          Platform.TELEGRAM, method, ChatCallListener.Outcome.ofStatus(response.code()));
      return response;
    } catch (IOException e) {
      listener.called(Platform.TELEGRAM, method, ChatCallListener.Outcome.IO_ERROR);
      throw e;
    }
  }

  /**
   * {@code /bot<token>/sendVideo} → {@code sendvideo}; {@code /file/bot<token>/…} → {@code file}.
   */
  static String method(String path) {
    if (path.startsWith("/file/")) {
      return "file";
    }
    if (!path.startsWith("/bot") || path.indexOf('/', 1) < 0) {
      return "other";
    }
    return path.substring(path.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT);
  }
}
