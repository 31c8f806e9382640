package com.seedancebot.core.provider.http;

import java.net.http.HttpHeaders;
import java.util.Objects;

/** One HTTP response from a provider API, body read as text. Immutable. */
public record HttpReply(int status, HttpHeaders headers, String body) {
  public HttpReply {
    Objects.requireNonNull(headers, "headers");
    body = body == null ? "" : body;
  }

  /** Whether the status is 2xx. */
  public boolean ok() {
    return status >= 200 && status < 300;
  }
}
