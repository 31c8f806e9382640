package com.seedancebot.discord;

import com.seedancebot.core.chat.IncomingAttachment;
import java.io.IOException;
import java.io.InputStream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Opens a Discord attachment's bytes from its signed CDN URL with JDA's HTTP client. The URL stays
 * inside this object: it is not in {@link #toString()} nor in any error message, so the core never
 * sees it. No Authorization header is sent (the CDN needs none). Each {@link #open()} downloads
 * again; the caller closes the stream.
 */
final class DiscordAttachmentContent implements IncomingAttachment.Content {

  private final OkHttpClient http;
  private final String url;
  private final String fileName;

  DiscordAttachmentContent(OkHttpClient http, String url, String fileName) {
    this.http = http;
    this.url = url;
    this.fileName = fileName;
  }

  @Override
  public InputStream open() throws IOException {
    Response response = http.newCall(new Request.Builder().url(url).get().build()).execute();
    ResponseBody body = response.body();
    if (!response.isSuccessful()) {
      int code = response.code();
      response.close();
      throw new IOException(
          "could not download the Discord attachment " + fileName + ": HTTP " + code);
    }
    return body.byteStream();
  }

  @Override
  public String toString() {
    return "DiscordAttachment[" + fileName + "]";
  }
}
