package com.seedancebot.core.bot;

import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.chat.ChatCommand;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.ChatRequest;
import com.seedancebot.core.chat.ReplyTarget;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.chat.VideoOptions;
import com.seedancebot.core.delivery.ChatDeliveryException;
import com.seedancebot.core.delivery.ChatPorts;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobResult;
import com.seedancebot.core.job.JobService;
import com.seedancebot.core.job.JobState;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.MediaInput;
import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaRole;
import com.seedancebot.core.request.MediaSource;
import com.seedancebot.core.request.ModelSpec;
import com.seedancebot.core.request.ValidationProblem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Video jobs from their inputs, including the two that start from an existing video: Edit (the
 * video as reference plus an instruction) and Extend (seed 003's extension recipe, see {@link
 * VideoExtension}). A video the bot made is taken from the bot's own storage, never downloaded
 * again through the platform, and only in the chat it was posted in. The Edit and Extend buttons
 * ask for the instruction with a question the user answers by replying ({@link InstructionPrompts}
 * remembers which video it was about). Thread-safe; blocks on the database.
 */
public final class ClipFollowUps {

  private static final Logger log = LoggerFactory.getLogger(ClipFollowUps.class);

  private final JobService jobs;
  private final ModelChooser models;
  private final FollowUps followUps;
  private final Replies replies;
  private final AssetStore assets;
  private final InstructionPrompts prompts;
  private final ChatPorts ports;
  private final Clock clock;

  public ClipFollowUps(
      JobService jobs,
      ModelChooser models,
      FollowUps followUps,
      Replies replies,
      AssetStore assets,
      InstructionPrompts prompts,
      ChatPorts ports,
      Clock clock) {
    this.jobs = jobs;
    this.models = models;
    this.followUps = followUps;
    this.replies = replies;
    this.assets = assets;
    this.prompts = prompts;
    this.ports = ports;
    this.clock = clock;
  }

  /** Edit or Extend button: asks for the instruction (or says why this video cannot be used). */
  public String ask(UserRef user, ChatRef chat, String messageId, String jobId, boolean extend) {
    Optional<Job> job = followUps.video(jobId);
    String refusal = refusal(job, jobId, chat, user.locale());
    if (refusal != null) {
      return refusal;
    }
    var port = ports.forPlatform(chat.platform());
    if (port.isEmpty()) {
      return null;
    }
    String question =
        replies.text(user.locale(), extend ? "clip.ask.extend" : "clip.ask.edit", jobId);
    String asked = port.get().askForReply(chat, messageId, question);
    if (asked != null) {
      prompts.remember(
          chat, asked, new InstructionPrompts.Prompt(job.get().id(), extend), clock.instant());
    }
    return null;
  }

  /**
   * The bot video a message replying to {@code replyTo} works on: the video itself, or the one the
   * replied-to question asked about; {@code extend} as the command says (or the question asked).
   */
  public Optional<InstructionPrompts.Prompt> source(
      ChatRef chat, ReplyTarget replyTo, boolean extend) {
    if (replyTo == null) {
      return Optional.empty();
    }
    if (replyTo.jobId() != null) {
      return Optional.of(new InstructionPrompts.Prompt(replyTo.jobId(), extend));
    }
    return prompts
        .find(chat, replyTo.messageId())
        .map(p -> new InstructionPrompts.Prompt(p.jobId(), p.extend() || extend));
  }

  /** An edit or extension of the bot's own video of {@code source}. */
  public String fromBotVideo(ChatRequest r, ChatCommand.Video v, InstructionPrompts.Prompt source) {
    Locale l = r.user().locale();
    Optional<Job> found = followUps.video(source.jobId());
    String refusal = refusal(found, source.jobId(), r.chat(), l);
    if (refusal != null) {
      return refusal;
    }
    if (!source.extend() && v.prompt().isEmpty()) {
      return replies.problems(l, List.of(ValidationProblem.of("edit.no_instruction")));
    }
    Optional<ModelSpec> model = models.choose(r.chat(), v.options().model());
    if (model.isEmpty()) {
      return replies.problems(l, List.of(unknownModel(v.options())));
    }
    JobResult result = found.get().result();
    MediaInfo info =
        new MediaInfo(
            "video/mp4",
            size(result.videoAssetId()),
            result.width() > 0 ? result.width() : null,
            result.height() > 0 ? result.height() : null,
            result.durationSeconds() > 0 ? result.durationSeconds() : null,
            null);
    MediaInput clip =
        new MediaInput(
            MediaRole.REFERENCE,
            MediaKind.VIDEO,
            new MediaSource.Stored(result.videoAssetId()),
            info);
    return submit(r, model.get(), v.prompt(), v.options(), List.of(clip), source.extend());
  }

  /** The problem for a model that is not offered. */
  public ValidationProblem unknownModel(VideoOptions o) {
    return models.unknownModelProblem(o.model() != null ? o.model() : models.defaultModelId());
  }

  /**
   * Queues the job for these inputs (an extension when {@code extend}) and announces it; notes on
   * the request (defaults left out, a shortened extension) are sent first.
   */
  public String submit(
      ChatRequest r,
      ModelSpec model,
      String prompt,
      VideoOptions o,
      List<MediaInput> media,
      boolean extend) {
    Locale l = r.user().locale();
    ModelChooser.Prepared prepared = models.request(r.chat(), model, prompt, o, media);
    List<ValidationProblem> notes = new ArrayList<>(prepared.notes());
    GenerationRequest request = prepared.request();
    if (extend) {
      VideoExtension.Outcome extension =
          VideoExtension.apply(
              request.withDefaults(model.capabilities()),
              model.capabilities(),
              extensionText(l, prompt));
      if (!extension.problems().isEmpty()) {
        return replies.problems(l, extension.problems());
      }
      request = extension.request();
      notes.addAll(extension.notes());
    }
    if (!notes.isEmpty()) {
      tell(r, replies.notes(l, notes));
    }
    return followUps.announce(
        r.user(), jobs.submit(r.user(), r.chat(), r.messageId(), request, model));
  }

  /** Seed 003's extension sentence around the user's words (or a neutral "it goes on"). */
  private String extensionText(Locale l, String words) {
    String how = words.isBlank() ? replies.text(l, "clip.extend.default") : words;
    return replies.text(l, "clip.extend.prompt", how);
  }

  /** Why the job's video cannot be edited or extended here, or null when it can. */
  private String refusal(Optional<Job> found, String jobId, ChatRef chat, Locale l) {
    if (found.isEmpty()
        || found.get().chat().platform() != chat.platform()
        || !found.get().chat().chatId().equals(chat.chatId())) {
      return replies.text(l, "button.job_not_found", jobId);
    }
    Job job = found.get();
    if (job.state() != JobState.SUCCEEDED
        || job.result() == null
        || size(job.result().videoAssetId()) < 0) {
      return replies.text(l, "clip.no_video", jobId);
    }
    return null;
  }

  /** Sends a text in reply to the request (notes); a failure is logged, not thrown. */
  void tell(ChatRequest r, String text) {
    var port = ports.forPlatform(r.chat().platform());
    try {
      port.ifPresent(p -> p.sendText(r.chat(), r.messageId(), text));
    } catch (ChatDeliveryException e) {
      log.warn("Note to {} not sent: {}", r.user().key(), e.getMessage());
    }
  }

  /** The stored size, or -1 when the file is gone (deleted by the retention). */
  private long size(String assetId) {
    try {
      return assets.size(assetId).orElse(-1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
