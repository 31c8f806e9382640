package com.seedancebot.app.web.playground;

import com.seedancebot.app.web.playground.PlaygroundMessage.Draft;
import com.seedancebot.app.web.playground.PlaygroundMessage.Kind;
import com.seedancebot.app.web.playground.PlaygroundMessage.Sender;
import com.seedancebot.app.web.playground.PlaygroundRequestException.Reason;
import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ReplyTarget;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The playground's JSON API, used by {@code static/playground.js}. A posted message is stored and
 * answered with its id at once; the core handles it in the background and its answers appear in the
 * transcript, which the page polls with {@code since}. Bad input is answered with 4xx and {@code
 * {"error": "..."}} (see {@link PlaygroundErrors}).
 */
@ConditionalOnPlayground
@RestController
@RequestMapping("/api/playground")
public class PlaygroundController {

  static final int MAX_TEXT = 4000;
  static final int MAX_FILES = 12;

  private final JdbcPlaygroundTranscript transcript;
  private final PlaygroundInboxRelay relay;
  private final Clock clock;

  /** For Spring: uses the application's {@link Clock} bean when there is one, else UTC. */
  @Autowired
  public PlaygroundController(
      JdbcPlaygroundTranscript transcript,
      PlaygroundInboxRelay relay,
      ObjectProvider<Clock> clock) {
    this(transcript, relay, clock.getIfAvailable(Clock::systemUTC));
  }

  PlaygroundController(
      JdbcPlaygroundTranscript transcript, PlaygroundInboxRelay relay, Clock clock) {
    this.transcript = transcript;
    this.relay = relay;
    this.clock = clock;
  }

  /** The answer to a posted message. */
  public record Posted(String messageId) {}

  /**
   * The answer to a poll.
   *
   * @param version pass as {@code since} next time
   * @param serverTime the server's clock, for the page's elapsed-time display
   * @param messages messages added or edited since the given version, oldest change first
   */
  public record Changes(long version, Instant serverTime, List<PlaygroundMessage> messages) {}

  /** A button press, as the page posts it. */
  public record ButtonPress(String session, String messageId, String action, String jobId) {}

  /**
   * Stores the person's message and hands it (with its files) to the core in the background. A
   * message replying to one of the bot's videos ({@code replyTo}) names that video's job.
   */
  @PostMapping("/messages")
  public Posted post(
      @RequestParam(name = "session", required = false) String session,
      @RequestParam(name = "text", required = false) String text,
      @RequestParam(name = "replyTo", required = false) String replyTo,
      @RequestParam(name = "files", required = false) List<MultipartFile> files,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
    PlaygroundSession chat = new PlaygroundSession(session);
    String body = text == null ? "" : text.strip();
    List<MultipartFile> uploads =
        files == null ? List.of() : files.stream().filter(f -> !f.isEmpty()).toList();
    if (body.isEmpty() && uploads.isEmpty()) {
      throw new PlaygroundRequestException(Reason.BAD_REQUEST, "text or files are required");
    }
    if (body.length() > MAX_TEXT) {
      throw new PlaygroundRequestException(
          Reason.BAD_REQUEST, "text is longer than " + MAX_TEXT + " characters");
    }
    if (uploads.size() > MAX_FILES) {
      throw new PlaygroundRequestException(
          Reason.TOO_LARGE, "at most " + MAX_FILES + " files per message");
    }
    ReplyTarget target = replyTarget(chat, replyTo);
    StagedUploads staged = uploads.isEmpty() ? StagedUploads.none() : StagedUploads.stage(uploads);
    String messageId;
    try {
      messageId =
          transcript.append(
              new Draft(
                  chat.id(),
                  Sender.USER,
                  Kind.TEXT,
                  body,
                  staged.names(),
                  null,
                  target == null ? null : target.messageId(),
                  null,
                  null,
                  List.of(),
                  null));
    } catch (RuntimeException e) {
      staged.close();
      throw e;
    }
    relay.message(chat.user(language), chat.chat(), messageId, body, staged, target);
    return new Posted(messageId);
  }

  /** The replied-to message of this session, with its job when it is one of the bot's videos. */
  private ReplyTarget replyTarget(PlaygroundSession chat, String replyTo) {
    if (replyTo == null || replyTo.isBlank()) {
      return null;
    }
    PlaygroundMessage replied =
        transcript
            .find(chat.id(), replyTo.strip())
            .orElseThrow(
                () ->
                    new PlaygroundRequestException(
                        Reason.NOT_FOUND, "no such message to reply to in this session"));
    return new ReplyTarget(replied.id(), replied.kind() == Kind.VIDEO ? replied.jobId() : null);
  }

  /** The session's messages added or edited after version {@code since} (0 = all). */
  @GetMapping("/messages")
  public Changes poll(
      @RequestParam(name = "session", required = false) String session,
      @RequestParam(name = "since", required = false) String since) {
    PlaygroundSession chat = new PlaygroundSession(session);
    JdbcPlaygroundTranscript.Page page = transcript.since(chat.id(), parseSince(since));
    return new Changes(
        page.version(), clock.instant().truncatedTo(ChronoUnit.MILLIS), page.messages());
  }

  /** The session's videos, newest first: the playground's gallery. */
  @GetMapping("/gallery")
  public List<PlaygroundMessage> gallery(
      @RequestParam(name = "session", required = false) String session) {
    return transcript.videos(new PlaygroundSession(session).id());
  }

  /** A press on one of the bot's buttons, passed to the core in the background. */
  @PostMapping("/buttons")
  @ResponseStatus(HttpStatus.ACCEPTED)
  public void press(
      @RequestBody ButtonPress press,
      @RequestHeader(name = HttpHeaders.ACCEPT_LANGUAGE, required = false) String language) {
    PlaygroundSession chat = new PlaygroundSession(press.session());
    ButtonAction action = parseAction(press.action());
    if (press.messageId() == null || press.jobId() == null) {
      throw new PlaygroundRequestException(Reason.BAD_REQUEST, "messageId and jobId are required");
    }
    PlaygroundMessage message =
        transcript
            .find(chat.id(), press.messageId())
            .orElseThrow(
                () ->
                    new PlaygroundRequestException(
                        Reason.NOT_FOUND, "no such message in this session"));
    if (!press.jobId().equals(message.jobId()) || !message.buttons().contains(action)) {
      throw new PlaygroundRequestException(
          Reason.BAD_REQUEST, "this message has no " + action + " button for that job");
    }
    relay.button(chat.user(language), chat.chat(), message.id(), action, message.jobId());
  }

  private static long parseSince(String since) {
    if (since == null || since.isBlank()) {
      return 0;
    }
    try {
      long value = Long.parseLong(since.strip());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // falls through to the error below
    }
    throw new PlaygroundRequestException(Reason.BAD_REQUEST, "since must be a non-negative number");
  }

  private static ButtonAction parseAction(String action) {
    if (action != null) {
      try {
        return ButtonAction.valueOf(action.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        // falls through to the error below
      }
    }
    throw new PlaygroundRequestException(
        Reason.BAD_REQUEST, "action must be one of CANCEL, REROLL, CONTINUE, FINAL, EDIT, EXTEND");
  }
}
