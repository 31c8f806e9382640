package com.seedancebot.core.provider;

import com.seedancebot.core.request.MediaInput;
import java.util.Objects;

/**
 * A media input together with the URL the provider must fetch it from: a signed, expiring URL of
 * the bot's own asset server, a {@code data:} URL (Ark inline images and audio) or an {@code
 * asset://} id. Never a URL carrying a secret.
 */
public record ResolvedMedia(MediaInput input, String url) {
  public ResolvedMedia {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(url, "url");
  }
}
