package com.seedancebot.app.web.playground;

import com.fasterxml.jackson.annotation.JsonValue;
import com.seedancebot.core.chat.ButtonAction;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One message of a playground conversation, as stored and as sent to the browser. {@code version}
 * grows on every insert and edit across all sessions; a browser asks for everything newer than the
 * last version it saw and replaces messages by {@code id}.
 *
 * @param id the message id (what {@code ChatPort} returns and buttons refer to)
 * @param sessionId the browser session (the playground's chat id)
 * @param sender who wrote it
 * @param kind how the page shows it
 * @param text the text, status line(s) or video caption; never null
 * @param attachments names of the files a user attached (their previews stay in the browser)
 * @param jobId the job a status or video belongs to, or null
 * @param replyTo the message this one answers, or null
 * @param jobState the job's state on status messages, or null
 * @param queuePosition 1-based position in the local queue, or null
 * @param buttons the buttons under the message, in order
 * @param video the video of a {@code VIDEO} message, else null
 * @param version the change counter at the last insert or edit
 * @param createdAt when it was posted
 * @param updatedAt when it was last edited
 */
public record PlaygroundMessage(
    String id,
    String sessionId,
    Sender sender,
    Kind kind,
    String text,
    List<String> attachments,
    String jobId,
    String replyTo,
    String jobState,
    Integer queuePosition,
    List<ButtonAction> buttons,
    Video video,
    long version,
    Instant createdAt,
    Instant updatedAt) {

  public PlaygroundMessage {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(sessionId, "sessionId");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(kind, "kind");
    text = text == null ? "" : text;
    attachments = attachments == null ? List.of() : List.copyOf(attachments);
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
  }

  /** Who wrote a message; stored and sent in lower case. */
  public enum Sender {
    USER,
    BOT;

    @JsonValue
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Sender fromWire(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  /** How a message is shown; stored and sent in lower case. */
  public enum Kind {
    TEXT,
    STATUS,
    VIDEO,
    /** An image the bot posted next to a video (its last frame, {@code --last-frame}). */
    IMAGE;

    @JsonValue
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Kind fromWire(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * A posted video.
   *
   * @param url the signed video URL (same origin as the page), or null when the core gave none
   * @param lastFrameUrl the signed last-frame URL, or null
   * @param width pixels
   * @param height pixels
   * @param durationSeconds seconds
   */
  public record Video(
      String url, String lastFrameUrl, int width, int height, double durationSeconds) {}

  /** A message about to be stored: the transcript assigns id, version and timestamps. */
  public record Draft(
      String sessionId,
      Sender sender,
      Kind kind,
      String text,
      List<String> attachments,
      String jobId,
      String replyTo,
      String jobState,
      Integer queuePosition,
      List<ButtonAction> buttons,
      Video video) {
    public Draft {
      Objects.requireNonNull(sessionId, "sessionId");
      Objects.requireNonNull(sender, "sender");
      Objects.requireNonNull(kind, "kind");
      text = text == null ? "" : text;
      attachments = attachments == null ? List.of() : List.copyOf(attachments);
      buttons = buttons == null ? List.of() : List.copyOf(buttons);
    }
  }
}
