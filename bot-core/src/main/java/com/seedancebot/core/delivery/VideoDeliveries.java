package com.seedancebot.core.delivery;

import com.seedancebot.core.asset.SignedUrls;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobResult;
import com.seedancebot.core.job.JobSettings;
import java.nio.file.Path;

/**
 * Builds the {@link VideoDelivery} of a succeeded job from its stored files: its facts, signed
 * links, caption, the buttons of {@link ResultButtons}, and whether its owner asked for the last
 * frame as an image. The one place both the first delivery and {@code /show} take it from.
 * Stateless apart from its collaborators; thread-safe.
 */
public final class VideoDeliveries {

  private final JobTexts texts;
  private final SignedUrls signedUrls;
  private final JobSettings settings;

  public VideoDeliveries(JobTexts texts, SignedUrls signedUrls, JobSettings settings) {
    this.texts = texts;
    this.signedUrls = signedUrls;
    this.settings = settings;
  }

  /** The job's own delivery, into its chat, replying to its request. */
  public VideoDelivery first(Job job, Path video, Path lastFrame) {
    return first(job, video, lastFrame, texts.caption(job));
  }

  /** The job's own delivery with another caption (a storyboard's joined video). */
  public VideoDelivery first(Job job, Path video, Path lastFrame, String caption) {
    return build(job, job.chat(), job.requestMessageId(), video, lastFrame, caption, false);
  }

  /** The job's video shown again in {@code chat}, replying to {@code replyTo}. */
  public VideoDelivery again(Job job, ChatRef chat, String replyTo, Path video, Path lastFrame) {
    return build(job, chat, replyTo, video, lastFrame, texts.caption(job), true);
  }

  private VideoDelivery build(
      Job job,
      ChatRef chat,
      String replyTo,
      Path video,
      Path lastFrame,
      String caption,
      boolean repeat) {
    JobResult r = job.result();
    return new VideoDelivery(
        job.id(),
        job.owner().userId(),
        chat,
        replyTo,
        video,
        r.sizeBytes(),
        r.width(),
        r.height(),
        r.durationSeconds(),
        lastFrame,
        signedUrls.sign(r.videoAssetId(), settings.resultLinkTtl()),
        lastFrame == null ? null : signedUrls.sign(r.lastFrameAssetId(), settings.resultLinkTtl()),
        caption,
        lastFrame != null,
        job.owner().locale(),
        ResultButtons.of(job, lastFrame != null),
        job.request().postLastFrame(),
        repeat);
  }
}
