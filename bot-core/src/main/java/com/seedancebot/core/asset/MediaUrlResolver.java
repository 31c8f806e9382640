package com.seedancebot.core.asset;

import com.seedancebot.core.provider.ResolvedMedia;
import com.seedancebot.core.request.MediaInput;
import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

/**
 * Turns a request's media into URLs a provider can fetch: a signed, expiring URL of the bot's own
 * file server (or, when so configured and the store can, a URL the object store presigned with the
 * same lifetime), or — when inlining is on and the provider allows it (Ark: images and audio) — a
 * base64 {@code data:} URL; {@code asset://} ids pass through. Never a URL carrying a secret.
 */
public final class MediaUrlResolver {

  /** Ark's whole-request limit is 64 MB; inline media must stay well below it. */
  private static final long MAX_INLINE_TOTAL = 48L * 1024 * 1024;

  private final AssetStore assets;
  private final SignedUrls signedUrls;
  private final Duration ttl;
  private final ProviderLinks links;

  public MediaUrlResolver(
      AssetStore assets, SignedUrls signedUrls, Duration ttl, ProviderLinks links) {
    this.assets = assets;
    this.signedUrls = signedUrls;
    this.ttl = ttl;
    this.links = links;
  }

  /** Resolves every input, in order; {@code inline} allows data URLs for images and audio. */
  public List<ResolvedMedia> resolve(List<MediaInput> media, boolean inline) {
    long[] inlined = {0};
    return media.stream().map(m -> new ResolvedMedia(m, urlFor(m, inline, inlined))).toList();
  }

  private String urlFor(MediaInput input, boolean inline, long[] inlined) {
    if (input.source() instanceof MediaSource.ProviderAsset asset) {
      return asset.uri();
    }
    String assetId = ((MediaSource.Stored) input.source()).assetId();
    try {
      long size = assets.size(assetId).orElseThrow(() -> new NoSuchFileException(assetId));
      if (inline && input.kind() != MediaKind.VIDEO && inlined[0] + size <= MAX_INLINE_TOTAL) {
        inlined[0] += size;
        return dataUrl(assetId);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("attachment " + assetId + " cannot be read", e);
    }
    if (links == ProviderLinks.PRESIGNED) {
      var presigned = assets.presignedUrl(assetId, ttl);
      if (presigned.isPresent()) {
        return presigned.get().toString();
      }
    }
    return signedUrls.sign(assetId, ttl).toString();
  }

  private String dataUrl(String assetId) throws IOException {
    try (InputStream in = assets.open(assetId)) {
      return "data:"
          + AssetIds.contentType(assetId)
          + ";base64,"
          + Base64.getEncoder().encodeToString(in.readAllBytes());
    }
  }
}
