package com.seedancebot.telegram;

import com.seedancebot.core.chat.ButtonAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The {@code callback_data} of the bot's inline buttons: {@code c:<jobId>} (cancel), {@code
 * r:<jobId>} (reroll), {@code n:<jobId>} (continue), {@code f:<jobId>} (final of a draft), {@code
 * s:<jobId>} (show a job's card), {@code p:<page> [words]} (a {@code /history} page), {@code
 * e:<jobId>} (edit), {@code x:<jobId>} (extend). Telegram limits it to 64 bytes.
 */
public record CallbackData(ButtonAction action, String jobId) {
  /** Telegram's limit on {@code callback_data}. */
  public static final int MAX_BYTES = 64;

  public CallbackData {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(jobId, "jobId");
    if (jobId.isBlank()) {
      throw new IllegalArgumentException("empty job id");
    }
  }

  /** The wire form; throws when it would exceed 64 bytes. */
  public String encode() {
    String data = prefix(action) + ":" + jobId;
    if (data.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
      throw new IllegalArgumentException("callback data longer than 64 bytes for job " + jobId);
    }
    return data;
  }

  /** Whether the job id fits in a button. */
  public static boolean fits(String jobId) {
    return jobId != null && (jobId.getBytes(StandardCharsets.UTF_8).length + 2) <= MAX_BYTES;
  }

  /** Parses the wire form; null for data this bot did not write. */
  public static CallbackData decode(String data) {
    if (data == null || data.length() < 3 || data.charAt(1) != ':') {
      return null;
    }
    ButtonAction action =
        switch (data.charAt(0)) {
          case 'c' -> ButtonAction.CANCEL;
          case 'r' -> ButtonAction.REROLL;
          case 'n' -> ButtonAction.CONTINUE;
          case 'f' -> ButtonAction.FINAL;
          case 's' -> ButtonAction.SHOW;
          case 'p' -> ButtonAction.PAGE;
          case 'e' -> ButtonAction.EDIT;
          case 'x' -> ButtonAction.EXTEND;
          default -> null;
        };
    String jobId = data.substring(2);
    return action == null || jobId.isBlank() ? null : new CallbackData(action, jobId);
  }

  private static String prefix(ButtonAction action) {
    return switch (action) {
      case CANCEL -> "c";
      case REROLL -> "r";
      case CONTINUE -> "n";
      case FINAL -> "f";
      case SHOW -> "s";
      case PAGE -> "p";
      case EDIT -> "e";
      case EXTEND -> "x";
    };
  }
}
