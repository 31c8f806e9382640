package com.seedancebot.telegram;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.telegram.telegrambots.meta.api.methods.GetFile;
import org.telegram.telegrambots.meta.api.objects.File;

/**
 * Downloads files users sent: {@code getFile}, then {@code {api}/file/bot{token}/{file_path}}. The
 * download URL embeds the token, so it is built here, used once and never logged or put into an
 * exception; TelegramBots' own download ignores a custom {@code TelegramUrl}. Thread-safe.
 */
public final class TelegramFiles {
  private final TelegramApi api;
  private final OkHttpClient http;
  private final HttpUrl apiBase;
  private final String token;
  private final TokenRedactor redactor;

  public TelegramFiles(
      TelegramApi api, OkHttpClient http, HttpUrl apiBase, String token, TokenRedactor redactor) {
    this.api = Objects.requireNonNull(api, "api");
    this.http = Objects.requireNonNull(http, "http");
    this.apiBase = Objects.requireNonNull(apiBase, "apiBase");
    this.token = Objects.requireNonNull(token, "token");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
  }

  /**
   * Asks Telegram about a file ({@code getFile}); throws {@link TelegramCallException} (see {@link
   * TelegramCallException#fileTooBig()}) when it cannot be downloaded.
   */
  public File describe(String fileId) {
    return api.call("getFile", c -> c.execute(new GetFile(fileId)));
  }

  /** Opens the file's bytes; the caller closes the stream. */
  public InputStream open(String fileId) throws IOException {
    File file;
    try {
      file = describe(fileId);
    } catch (TelegramCallException e) {
      throw new IOException("Telegram could not provide the file: " + e.getMessage(), e);
    }
    if (file.getFilePath() == null || file.getFilePath().isBlank()) {
      throw new IOException("Telegram returned no file_path for the file");
    }
    Request request = new Request.Builder().url(downloadUrl(file.getFilePath())).get().build();
    Response response;
    try {
      response = http.newCall(request).execute();
    } catch (IOException e) {
      throw new IOException(
          "Telegram file download failed: " + Failures.describe(e, redactor), redactor.redact(e));
    }
    ResponseBody body = response.body();
    if (!response.isSuccessful()) {
      response.close();
      throw new IOException("Telegram file download failed with HTTP " + response.code());
    }
    return new FilterInputStream(body.byteStream()) {
      @Override
      public void close() throws IOException {
        response.close();
      }
    };
  }

  private HttpUrl downloadUrl(String filePath) {
    return apiBase
        .newBuilder()
        .addPathSegment("file")
        .addPathSegment("bot" + token)
        .addPathSegments(filePath)
        .build();
  }
}
