package com.seedancebot.core.delivery;

import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ChatRef;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A finished video to post: the file in the bot's storage, its facts, a signed link for surfaces
 * that cannot take the upload, and the caption in the user's language.
 *
 * @param jobId the job (surfaces put it on Reroll / Continue buttons)
 * @param ownerUserId platform user id of the requester (for a mention)
 * @param chat where to post
 * @param requestMessageId the message to reply to, may be null
 * @param video the MP4 file
 * @param sizeBytes its size
 * @param width pixels
 * @param height pixels
 * @param durationSeconds seconds
 * @param lastFrame the last frame PNG, or null
 * @param videoLink a signed, expiring public URL of the video
 * @param lastFrameLink a signed URL of the last frame, or null
 * @param caption prompt excerpt, model, duration, seed, job id
 * @param canContinue whether a Continue button makes sense (a last frame exists)
 * @param locale the owner's language (for button labels), or null when unknown
 * @param buttons the buttons under the video, in order ({@link ResultButtons}); surfaces label them
 *     in {@code locale}
 * @param postLastFrame the owner asked for the last frame ({@code --last-frame}): post {@code
 *     lastFrame} as an image next to the video
 * @param repeat this is the job's video shown again ({@code /show}), not its one delivery: a
 *     surface that posts each job's video only once must post it anyway
 */
public record VideoDelivery(
    String jobId,
    String ownerUserId,
    ChatRef chat,
    String requestMessageId,
    Path video,
    long sizeBytes,
    int width,
    int height,
    double durationSeconds,
    Path lastFrame,
    URI videoLink,
    URI lastFrameLink,
    String caption,
    boolean canContinue,
    java.util.Locale locale,
    List<ButtonAction> buttons,
    boolean postLastFrame,
    boolean repeat) {

  /**
   * A first delivery without a known language, with Reroll (and Continue), the last frame not
   * posted on its own.
   */
  public VideoDelivery(
      String jobId,
      String ownerUserId,
      ChatRef chat,
      String requestMessageId,
      Path video,
      long sizeBytes,
      int width,
      int height,
      double durationSeconds,
      Path lastFrame,
      URI videoLink,
      URI lastFrameLink,
      String caption,
      boolean canContinue) {
    this(
        jobId,
        ownerUserId,
        chat,
        requestMessageId,
        video,
        sizeBytes,
        width,
        height,
        durationSeconds,
        lastFrame,
        videoLink,
        lastFrameLink,
        caption,
        canContinue,
        null,
        ResultButtons.plain(canContinue),
        false,
        false);
  }

  public VideoDelivery {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(video, "video");
    Objects.requireNonNull(caption, "caption");
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
  }

  /** Whether the last frame is to be posted as an image of its own next to the video. */
  public boolean postsLastFrame() {
    return postLastFrame && lastFrame != null;
  }
}
