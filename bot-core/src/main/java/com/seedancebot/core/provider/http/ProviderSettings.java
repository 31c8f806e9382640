package com.seedancebot.core.provider.http;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How one configured provider is reached. The API key is a secret: {@link #toString()} never shows
 * it, and no client puts it anywhere but the {@code Authorization} header.
 *
 * @param name unique provider name (e.g. {@code ark})
 * @param baseUrl the family's base URL, e.g. {@code https://ark.cn-beijing.volces.com/api/v3}
 * @param apiKey the Bearer key
 * @param maxConcurrentTasks how many tasks may be queued or running at the provider at once
 * @param requestTimeout how long one HTTP exchange may take until the response headers arrive
 * @param inlineMedia send images and audio inline as base64 {@code data:} URLs where the family
 *     allows it (Ark), instead of signed links to the bot's file server
 */
public record ProviderSettings(
    String name,
    URI baseUrl,
    String apiKey,
    int maxConcurrentTasks,
    Duration requestTimeout,
    boolean inlineMedia) {

  /** Settings that send media as signed links. */
  public ProviderSettings(
      String name, URI baseUrl, String apiKey, int maxConcurrentTasks, Duration requestTimeout) {
    this(name, baseUrl, apiKey, maxConcurrentTasks, requestTimeout, false);
  }

  public ProviderSettings {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (maxConcurrentTasks < 1) {
      throw new IllegalArgumentException("maxConcurrentTasks must be >= 1");
    }
    if (requestTimeout.isNegative() || requestTimeout.isZero()) {
      throw new IllegalArgumentException("requestTimeout must be positive");
    }
    String scheme = baseUrl.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("baseUrl must be http(s): " + baseUrl);
    }
  }

  @Override
  public String toString() {
    return "ProviderSettings[name="
        + name
        + ", baseUrl="
        + baseUrl
        + ", apiKey=***, maxConcurrentTasks="
        + maxConcurrentTasks
        + ", requestTimeout="
        + requestTimeout
        + "]";
  }
}
