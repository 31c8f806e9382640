package com.seedancebot.core.job;

import java.security.SecureRandom;

/**
 * Short job ids people can type ({@code /cancel k7m2qx}): 6 characters from an alphabet without
 * look-alikes (no 0/o, 1/l/i). About 10^9 values; the repository rejects the rare collision and the
 * caller draws again.
 */
public final class JobIds {
  private static final char[] ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private JobIds() {}

  public static String next() {
    char[] id = new char[6];
    for (int i = 0; i < id.length; i++) {
      id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
    }
    return new String(id);
  }
}
