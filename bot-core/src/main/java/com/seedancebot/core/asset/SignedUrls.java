package com.seedancebot.core.asset;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the bot's public file URLs: {@code <public>/files/<assetId>?exp=<epoch s>&sig=
 * <HMAC-SHA256>}. A URL is valid until {@code exp}; any change to the id or the expiry breaks the
 * signature. The key never leaves this class. Thread-safe.
 */
public final class SignedUrls {

  /** The path prefix under which signed files are served. */
  public static final String PATH_PREFIX = "/files/";

  private final URI publicBase;
  private final byte[] key;
  private final Clock clock;

  public SignedUrls(URI publicBase, byte[] key, Clock clock) {
    Objects.requireNonNull(publicBase, "publicBase");
    if (key.length < 32) {
      throw new IllegalArgumentException("the signing key needs at least 256 bits");
    }
    String base = publicBase.toString();
    this.publicBase = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    this.key = key.clone();
    this.clock = clock;
  }

  /** A URL for the asset that works for {@code ttl} from now. */
  public URI sign(String assetId, Duration ttl) {
    long exp = clock.instant().plus(ttl).getEpochSecond();
    return URI.create(
        publicBase + PATH_PREFIX + assetId + "?exp=" + exp + "&sig=" + signature(assetId, exp));
  }

  /** Whether {@code sig} is this bot's signature of the asset and expiry, and not expired. */
  public boolean verify(String assetId, long exp, String sig) {
    if (assetId == null || sig == null) {
      return false;
    }
    if (Instant.ofEpochSecond(exp).isBefore(clock.instant())) {
      return false;
    }
    byte[] expected = signature(assetId, exp).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII));
  }

  private String signature(String assetId, long exp) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] digest = mac.doFinal((assetId + "\n" + exp).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
