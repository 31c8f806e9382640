package com.seedancebot.app.web.playground;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Who may use the playground's API. Without {@code BOT_PLAYGROUND_TOKEN} everyone may (allowed only
 * when every provider is the simulator: creating this bean with a paid provider and no token stops
 * startup with a message naming the variable). With a token, a request is admitted only when its
 * {@code Authorization} header is {@code Bearer <token>}, compared in constant time. The token is
 * never logged or shown. Thread-safe.
 */
@ConditionalOnPlayground
@Component
public class PlaygroundAccess {

  private static final String BEARER = "Bearer ";

  private final byte[] tokenDigest;

  /** For Spring: checks the configuration against the providers in {@code environment}. */
  @Autowired
  public PlaygroundAccess(PlaygroundProperties properties, Environment environment) {
    this(properties.token(), PlaygroundEnabledCondition.paidProvider(environment));
  }

  /**
   * @param token the access token, or null for an open playground
   * @param paidProvider the first configured provider that is not the simulator, or "simulator"
   */
  PlaygroundAccess(String token, String paidProvider) {
    if (token == null && !"simulator".equals(paidProvider)) {
      throw new IllegalStateException(
          "The playground is on (BOT_PLAYGROUND_ENABLED=true) with the paid provider '"
              + paidProvider
              + "', so anyone reaching it would spend your money: set BOT_PLAYGROUND_TOKEN to a"
              + " long random secret that playground users must enter, or unset"
              + " BOT_PLAYGROUND_ENABLED to turn the playground off");
    }
    this.tokenDigest = token == null ? null : sha256(token);
  }

  /** Whether the playground is open to everyone (no token configured). */
  public boolean open() {
    return tokenDigest == null;
  }

  /** Whether a request with this {@code Authorization} header (may be null) may use the API. */
  public boolean admits(String authorization) {
    if (tokenDigest == null) {
      return true;
    }
    if (authorization == null
        || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return false;
    }
    String presented = authorization.substring(BEARER.length()).strip();
    // equal-length digests: the comparison takes the same time whatever was presented
    return MessageDigest.isEqual(tokenDigest, sha256(presented));
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
