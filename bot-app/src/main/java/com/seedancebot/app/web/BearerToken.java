package com.seedancebot.app.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * A secret callers present as {@code Authorization: Bearer <token>}. Only its SHA-256 digest is
 * kept, and a presented token is compared in constant time (equal-length digests), so the time
 * taken tells nothing about the secret. Never logged or shown. Immutable.
 */
public final class BearerToken {

  private static final String BEARER = "Bearer ";

  private final byte[] digest;

  public BearerToken(String token) {
    this.digest = sha256(Objects.requireNonNull(token, "token"));
  }

  /** Whether this {@code Authorization} header (may be null) presents the token. */
  public boolean presentedIn(String authorization) {
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    String presented = authorization.substring(BEARER.length()).strip();
    return MessageDigest.isEqual(digest, sha256(presented));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  @Override
  public String toString() {
    return "BearerToken[***]";
  }
}
