package com.seedancebot.core.bot;

import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.request.ValidationProblem;
import java.util.List;
import java.util.Locale;

/**
 * Renders problem lists, notes and generic answers in the user's language. A problem list always
 * opens with a heading that names what could not be done ({@link Heading}) and closes with what
 * happened instead (nothing was charged, saved or cancelled). Thread-safe.
 */
public final class Replies {

  /** What a problem list is about: picks its heading and closing line. */
  public enum Heading {
    /** "I can't start this video yet:" — {@code /video}, Reroll and Continue. */
    VIDEO("reply.problems"),
    /** "I can't change the settings:" — {@code /settings}. */
    SETTINGS("reply.problems.settings"),
    /** "I can't cancel that:" — {@code /cancel}. */
    CANCEL("reply.problems.cancel"),
    /** "I can't run that command:" — any other command. */
    COMMAND("reply.problems.command");

    private final String prefix;

    Heading(String prefix) {
      this.prefix = prefix;
    }

    /** The heading for problems with the command of this name (lowercase, no slash). */
    public static Heading forCommand(String command) {
      return switch (command) {
        case "video", "story" -> VIDEO;
        case "settings" -> SETTINGS;
        case "cancel" -> CANCEL;
        default -> COMMAND;
      };
    }
  }

  private final Messages messages;

  public Replies(Messages messages) {
    this.messages = messages;
  }

  /** "I can't start this video yet:" followed by one line per problem. */
  public String problems(Locale locale, List<ValidationProblem> problems) {
    return problems(locale, Heading.VIDEO, problems);
  }

  /** The heading, one line per problem, then the closing line. */
  public String problems(Locale locale, Heading heading, List<ValidationProblem> problems) {
    StringBuilder text = new StringBuilder(messages.get(locale, heading.prefix + ".header"));
    for (ValidationProblem p : problems) {
      text.append("\n• ").append(messages.get(locale, p.messageKey(), p.argsArray()));
    }
    text.append("\n").append(messages.get(locale, heading.prefix + ".footer"));
    return text.toString();
  }

  /**
   * "I don't know /foo — try /help", with the close command when the parser found one ({@code
   * command.unknown} with its suggestion as a second argument).
   */
  public String unknownCommand(Locale locale, ValidationProblem unknown) {
    return unknown.args().size() > 1
        ? messages.get(locale, "reply.unknown_command.suggest", unknown.argsArray())
        : messages.get(locale, "reply.unknown_command", unknown.argsArray());
  }

  /** Notes (key {@code note.<code>}), one per line; empty when there are none. */
  public String notes(Locale locale, List<ValidationProblem> notes) {
    StringBuilder text = new StringBuilder();
    for (ValidationProblem n : notes) {
      if (!text.isEmpty()) {
        text.append('\n');
      }
      text.append(messages.get(locale, "note." + n.code(), n.argsArray()));
    }
    return text.toString();
  }

  public String internalError(Locale locale) {
    return messages.get(locale, "reply.internal_error");
  }

  public String text(Locale locale, String key, Object... args) {
    return messages.get(locale, key, args);
  }
}
