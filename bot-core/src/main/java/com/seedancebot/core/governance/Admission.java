package com.seedancebot.core.governance;

/** Whether a user may talk to the bot in a chat right now, and what to tell them if not. */
public sealed interface Admission {

  /** Go ahead. */
  record Admitted() implements Admission {}

  /** Do nothing but tell the user {@code text} (the one-time notice). */
  record Refused(String text) implements Admission {}

  /** Do nothing and say nothing: the user or chat was already told. */
  record Ignored() implements Admission {}
}
