package com.seedancebot.discord.fake;

import java.util.concurrent.atomic.AtomicLong;

/** Discord ids: milliseconds since the Discord epoch shifted left 22 bits, plus a counter. */
final class Snowflakes {
  private static final long DISCORD_EPOCH = 1420070400000L;
  private static final AtomicLong COUNTER = new AtomicLong();

  private Snowflakes() {}

  /** A new id for now: JDA derives an interaction's age (and token expiry) from it. */
  static String next() {
    long millis = System.currentTimeMillis() - DISCORD_EPOCH;
    return Long.toUnsignedString((millis << 22) | (COUNTER.incrementAndGet() & 0xFFF));
  }
}
