package com.seedancebot.core.chat;

import com.seedancebot.core.request.ValidationProblem;
import java.util.List;

/** The outcome of parsing one chat message with {@code CommandParser}. */
public sealed interface ParseResult {

  /** A well-formed command. */
  record Parsed(ChatCommand command) implements ParseResult {}

  /** Not addressed to the bot (no leading command, or another bot's command): stay silent. */
  record NotACommand() implements ParseResult {}

  /** A bot command with mistakes; every problem is listed, in user-facing codes. */
  record Malformed(List<ValidationProblem> problems) implements ParseResult {
    public Malformed {
      problems = List.copyOf(problems);
    }
  }
}
