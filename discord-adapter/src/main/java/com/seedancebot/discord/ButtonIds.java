package com.seedancebot.discord;

import com.seedancebot.core.chat.ButtonAction;
import java.util.Optional;

/**
 * The custom ids of the bot's buttons: {@code seedance:<action>:<target>} with {@code x} = cancel,
 * {@code r} = reroll, {@code c} = continue, {@code f} = final of a draft, {@code s} = show a job's
 * card, {@code p} = a {@code /history} page (the target is then {@code <page> [words]}), {@code e}
 * = edit, {@code t} = extend. They carry everything a press needs, so buttons keep working after a
 * restart. Ids longer than Discord's 100 characters are refused.
 */
public final class ButtonIds {

  private static final String PREFIX = "seedance:";
  private static final int MAX_LENGTH = 100;

  private ButtonIds() {}

  /** Whether a target fits a button id. */
  public static boolean fits(String target) {
    return !target.isBlank() && (PREFIX.length() + 2 + target.length()) <= MAX_LENGTH;
  }

  /** A pressed button: what to do with which job. */
  public record Press(ButtonAction action, String jobId) {}

  public static String of(ButtonAction action, String jobId) {
    String id = PREFIX + code(action) + ":" + jobId;
    if (id.length() > MAX_LENGTH || jobId.isBlank()) {
      throw new IllegalArgumentException("job id does not fit a Discord button: " + jobId);
    }
    return id;
  }

  /** The press a custom id stands for, or empty when it is not one of ours. */
  public static Optional<Press> parse(String customId) {
    if (customId == null || !customId.startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = customId.substring(PREFIX.length());
    int colon = rest.indexOf(':');
    if (colon < 0 || colon == rest.length() - 1) {
      return Optional.empty();
    }
    String jobId = rest.substring(colon + 1);
    return switch (rest.substring(0, colon)) {
      case "x" -> Optional.of(new Press(ButtonAction.CANCEL, jobId));
      case "r" -> Optional.of(new Press(ButtonAction.REROLL, jobId));
      case "c" -> Optional.of(new Press(ButtonAction.CONTINUE, jobId));
      case "f" -> Optional.of(new Press(ButtonAction.FINAL, jobId));
      case "s" -> Optional.of(new Press(ButtonAction.SHOW, jobId));
      case "p" -> Optional.of(new Press(ButtonAction.PAGE, jobId));
      case "e" -> Optional.of(new Press(ButtonAction.EDIT, jobId));
      case "t" -> Optional.of(new Press(ButtonAction.EXTEND, jobId));
      default -> Optional.empty();
    };
  }

  private static String code(ButtonAction action) {
    return switch (action) {
      case CANCEL -> "x";
      case REROLL -> "r";
      case CONTINUE -> "c";
      case FINAL -> "f";
      case SHOW -> "s";
      case PAGE -> "p";
      case EDIT -> "e";
      case EXTEND -> "t";
    };
  }
}
