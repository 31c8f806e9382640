package com.seedancebot.core.job;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Unguessable per-job tokens for provider callback URLs. Callbacks are not signed by providers, so
 * the token only says which job to look at; the bot still confirms the state with the provider.
 */
public final class CallbackTokens {
  private static final SecureRandom RANDOM = new SecureRandom();

  private CallbackTokens() {}

  /** 192 random bits, URL-safe. */
  public static String newToken() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
