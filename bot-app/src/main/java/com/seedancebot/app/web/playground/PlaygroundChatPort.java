package com.seedancebot.app.web.playground;

import com.seedancebot.app.web.playground.PlaygroundMessage.Draft;
import com.seedancebot.app.web.playground.PlaygroundMessage.Kind;
import com.seedancebot.app.web.playground.PlaygroundMessage.Sender;
import com.seedancebot.app.web.playground.PlaygroundMessage.Video;
import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.delivery.ChatDeliveryException;
import com.seedancebot.core.delivery.ChatPort;
import com.seedancebot.core.delivery.JobStatus;
import com.seedancebot.core.delivery.VideoDelivery;
import java.net.URI;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;

/**
 * The playground as a chat surface: the core's messages are written to the session's transcript,
 * where the page picks them up by polling. Status messages are edited in place (a status message
 * that no longer exists is sent anew); a job's video is posted at most once, however often it is
 * delivered. Database failures become {@link ChatDeliveryException}s, retryable when transient.
 */
@ConditionalOnPlayground
@Component
public class PlaygroundChatPort implements ChatPort {

  private final JdbcPlaygroundTranscript transcript;

  public PlaygroundChatPort(JdbcPlaygroundTranscript transcript) {
    this.transcript = transcript;
  }

  @Override
  public Platform platform() {
    return Platform.PLAYGROUND;
  }

  @Override
  public String sendText(ChatRef chat, String replyToMessageId, String text) {
    PlaygroundSession session = PlaygroundSession.of(chat);
    return guarded(
        () ->
            transcript.append(
                new Draft(
                    session.id(),
                    Sender.BOT,
                    Kind.TEXT,
                    text,
                    List.of(),
                    null,
                    replyToMessageId,
                    null,
                    null,
                    List.of(),
                    null)));
  }

  @Override
  public String showStatus(JobStatus status) {
    PlaygroundSession session = PlaygroundSession.of(status.chat());
    List<ButtonAction> buttons =
        status.cancellable() ? List.of(ButtonAction.CANCEL) : List.<ButtonAction>of();
    return guarded(
        () -> {
          if (status.statusMessageId() != null
              && transcript.editStatus(
                  session.id(),
                  status.statusMessageId(),
                  status.text(),
                  status.state().name(),
                  status.queuePosition(),
                  buttons)) {
            return status.statusMessageId();
          }
          return transcript.append(
              new Draft(
                  session.id(),
                  Sender.BOT,
                  Kind.STATUS,
                  status.text(),
                  List.of(),
                  status.jobId(),
                  status.requestMessageId(),
                  status.state().name(),
                  status.queuePosition(),
                  buttons,
                  null));
        });
  }

  @Override
  public void deliverVideo(VideoDelivery delivery) {
    PlaygroundSession session = PlaygroundSession.of(delivery.chat());
    List<ButtonAction> buttons =
        delivery.canContinue()
            ? List.of(
                ButtonAction.REROLL, ButtonAction.CONTINUE, ButtonAction.EDIT, ButtonAction.EXTEND)
            : List.of(ButtonAction.REROLL, ButtonAction.EDIT, ButtonAction.EXTEND);
    Video video =
        new Video(
            text(delivery.videoLink()),
            text(delivery.lastFrameLink()),
            delivery.width(),
            delivery.height(),
            delivery.durationSeconds());
    guarded(
        () ->
            transcript.appendVideoOnce(
                new Draft(
                    session.id(),
                    Sender.BOT,
                    Kind.VIDEO,
                    delivery.caption(),
                    List.of(),
                    delivery.jobId(),
                    delivery.requestMessageId(),
                    null,
                    null,
                    buttons,
                    video)));
  }

  private static String text(URI uri) {
    return uri == null ? null : uri.toString();
  }

  private static <T> T guarded(Supplier<T> write) {
    try {
      return write.get();
    } catch (DataAccessException e) {
      boolean transientFailure =
          e instanceof TransientDataAccessException || e instanceof RecoverableDataAccessException;
      throw new ChatDeliveryException(
          "playground transcript write failed", transientFailure, null, e);
    }
  }
}
