package com.seedancebot.core.bot;

import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.delivery.StatusReporter;
import com.seedancebot.core.job.Acceptance;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobService;
import com.seedancebot.core.quota.QuotaTextFormatter;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.MediaInput;
import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaRole;
import com.seedancebot.core.request.MediaSource;
import com.seedancebot.core.story.Storyboards;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * What happens after a request is decided, and the buttons on a finished video: announcing an
 * accepted job with its status message (or explaining a refusal), Reroll (the same request with a
 * new seed), Continue (the last frame becomes the first frame of a new job) and Final (a draft
 * preview rendered in full from the provider's draft task). Under a storyboard's joined video
 * (named by the storyboard's id) Reroll makes the whole storyboard again with a new seed and
 * Continue goes on from the joined video's last frame with its last scene's text.
 */
public final class FollowUps {

  private final JobService jobs;
  private final StatusReporter status;
  private final Replies replies;
  private final QuotaTextFormatter quotaTexts;
  private final ModelChooser models;
  private final AssetStore assets;
  private final Clock clock;
  private final RandomGenerator random;
  private final Storyboards stories;

  public FollowUps(
      JobService jobs,
      StatusReporter status,
      Replies replies,
      QuotaTextFormatter quotaTexts,
      ModelChooser models,
      AssetStore assets,
      Clock clock,
      RandomGenerator random,
      Storyboards stories) {
    this.jobs = jobs;
    this.status = status;
    this.replies = replies;
    this.quotaTexts = quotaTexts;
    this.models = models;
    this.assets = assets;
    this.clock = clock;
    this.random = random;
    this.stories = stories;
  }

  /**
   * The job whose video a button or reply names: a job, or a storyboard's joined video under the
   * storyboard's id ({@link Job#asStoryVideo}).
   */
  public Optional<Job> video(String id) {
    return jobs.find(id).or(() -> stories == null ? Optional.empty() : stories.video(id));
  }

  /** Shows an accepted job's status message, or returns the text explaining the refusal. */
  public String announce(UserRef user, Acceptance acceptance) {
    Locale l = user.locale();
    if (acceptance instanceof Acceptance.Accepted a) {
      status.report(a.job(), a.queuePosition());
      return null;
    } else if (acceptance instanceof Acceptance.Invalid invalid) {
      return replies.problems(l, invalid.problems());
    } else {
      return quotaTexts.denial(l, ((Acceptance.OverQuota) acceptance).denial(), clock.instant());
    }
  }

  /**
   * A job the same message made before (the message is handled again): its status message is shown
   * only when the earlier handling stopped before showing it; nothing else is said.
   */
  public String announceAgain(Job job) {
    if (job.statusMessageId() == null) {
      status.report(job, jobs.queuePosition(job.id()).orElse(null));
    }
    return null;
  }

  /** The same request again with a new seed. */
  public String reroll(UserRef user, ChatRef chat, String messageId, String jobId) {
    var original = video(jobId);
    if (original.isEmpty()) {
      return replies.text(user.locale(), "button.job_not_found", jobId);
    }
    Job job = original.get();
    var model = models.find(job.request().modelId());
    if (model.isEmpty()) {
      return replies.text(user.locale(), "button.model_gone");
    }
    long seed = random.nextLong(0, 4_294_967_296L);
    if (job.storyVideo()) {
      var story = stories.find(job.id());
      if (story.isEmpty()) {
        return replies.text(user.locale(), "button.job_not_found", jobId);
      }
      return announce(user, stories.again(user, chat, messageId, story.get(), seed, model.get()));
    }
    return announce(
        user, jobs.submit(user, chat, messageId, job.request().withSeed(seed), model.get()));
  }

  /** A new job whose first frame is this job's last frame, with the same prompt and options. */
  public String continueFrom(UserRef user, ChatRef chat, String messageId, String jobId) {
    var original = video(jobId);
    if (original.isEmpty()) {
      return replies.text(user.locale(), "button.job_not_found", jobId);
    }
    Job job = original.get();
    if (job.result() == null || job.result().lastFrameAssetId() == null) {
      return replies.text(user.locale(), "button.no_last_frame", jobId);
    }
    var model = models.find(job.request().modelId());
    if (model.isEmpty()) {
      return replies.text(user.locale(), "button.model_gone");
    }
    String frame = job.result().lastFrameAssetId();
    long frameSize = size(frame);
    if (frameSize < 0) { // deleted by the retention
      return replies.text(user.locale(), "button.no_last_frame", jobId);
    }
    MediaInfo info =
        // The provider made this frame itself, so its size always fits the model: no size checks.
        new MediaInfo("image/png", frameSize, null, null, null, null);
    GenerationRequest r = job.request();
    GenerationRequest next =
        new GenerationRequest(
            r.modelId(),
            r.prompt(),
            r.durationSeconds(),
            r.ratio(),
            r.resolution(),
            r.generateAudio(),
            null,
            true,
            r.watermark(),
            false,
            List.of(
                new MediaInput(
                    MediaRole.FIRST_FRAME, MediaKind.IMAGE, new MediaSource.Stored(frame), info)));
    next = next.withModes(r.postLastFrame(), r.draft(), r.flex(), null);
    return announce(user, jobs.submit(user, chat, messageId, next, model.get()));
  }

  /**
   * The full version of a draft preview: a new job that renders the draft task at the model's
   * default resolution (or the chat's), with the draft's prompt kept for its card. Only a succeeded
   * draft that the provider accepted can be rendered.
   */
  public String finalFrom(UserRef user, ChatRef chat, String messageId, String jobId) {
    var original = jobs.find(jobId);
    if (original.isEmpty()) {
      return replies.text(user.locale(), "button.job_not_found", jobId);
    }
    Job job = original.get();
    GenerationRequest r = job.request();
    if (!r.draft() || job.providerTaskId() == null || job.result() == null) {
      return replies.text(user.locale(), "button.not_a_draft", jobId);
    }
    var model = models.find(r.modelId());
    if (model.isEmpty()) {
      return replies.text(user.locale(), "button.model_gone");
    }
    GenerationRequest full =
        new GenerationRequest(
                r.modelId(),
                r.prompt(),
                r.durationSeconds(),
                r.ratio(),
                null,
                r.generateAudio(),
                job.result().seed(),
                true,
                r.watermark(),
                false,
                List.of())
            .withModes(r.postLastFrame(), false, r.flex(), job.providerTaskId());
    return announce(user, jobs.submit(user, chat, messageId, full, model.get()));
  }

  /** The stored size, or -1 when the asset is gone. */
  private long size(String assetId) {
    try {
      return assets.size(assetId).orElse(-1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
