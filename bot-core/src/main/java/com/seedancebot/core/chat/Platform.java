package com.seedancebot.core.chat;

/** The chat surfaces the bot speaks on. */
public enum Platform {
  TELEGRAM,
  DISCORD,
  PLAYGROUND
}
