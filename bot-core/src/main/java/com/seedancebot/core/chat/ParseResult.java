package com.seedancebot.core.chat;

import com.seedancebot.core.request.ValidationProblem;
import java.util.List;
import java.util.Objects;

/** The outcome of parsing one chat message with {@code CommandParser}. */
public sealed interface ParseResult {

  /** A well-formed command. */
  record Parsed(ChatCommand command) implements ParseResult {}

  /** Not addressed to the bot (no leading command, or another bot's command): stay silent. */
  record NotACommand() implements ParseResult {}

  /**
   * A bot command with mistakes; every problem is listed, in user-facing codes. {@code command} is
   * the command's name as typed, lowercased and without the slash ({@code settings}), so the answer
   * can say what could not be done; for an unknown command it is that unknown name.
   */
  record Malformed(String command, List<ValidationProblem> problems) implements ParseResult {
    public Malformed {
      Objects.requireNonNull(command, "command");
      problems = List.copyOf(problems);
    }
  }
}
