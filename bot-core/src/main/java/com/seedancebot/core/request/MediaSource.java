package com.seedancebot.core.request;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;

/**
 * Where the bytes of a media input come from. A {@link Stored} source is a file the bot holds in
 * its own asset store (re-hosted from a chat attachment); a {@link ProviderAsset} is an approved
 * {@code asset://} id that only some models accept.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
  @JsonSubTypes.Type(value = MediaSource.Stored.class, name = "stored"),
  @JsonSubTypes.Type(value = MediaSource.ProviderAsset.class, name = "asset")
})
public sealed interface MediaSource {

  /** A file in the bot's {@code AssetStore}, addressed by its opaque id. */
  record Stored(String assetId) implements MediaSource {
    public Stored {
      Objects.requireNonNull(assetId, "assetId");
    }
  }

  /** An approved provider asset, e.g. {@code asset://asset-2026...}. */
  record ProviderAsset(String uri) implements MediaSource {
    public ProviderAsset {
      Objects.requireNonNull(uri, "uri");
      if (!uri.startsWith("asset://")) {
        throw new IllegalArgumentException("provider asset ids start with asset://");
      }
    }
  }
}
