package com.seedancebot.core.bot;

import com.seedancebot.core.chat.ChatCommand;
import com.seedancebot.core.chat.ChatRequest;
import com.seedancebot.core.chat.VideoOptions;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaInput;
import com.seedancebot.core.request.ModelSpec;
import com.seedancebot.core.request.ValidationProblem;
import com.seedancebot.core.story.StoryPlan;
import com.seedancebot.core.story.Storyboards;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /story}: 2–6 scenes with {@code /video}'s options applying to every scene. The first scene
 * takes the attached media as {@code /video} does; each later scene starts from the last frame of
 * the one before (checked now with a stand-in frame, so every scene is validated before anything is
 * spent). The storyboard is then accepted as a whole by {@link Storyboards}. Thread-safe.
 */
public final class StoryCommand {

  private final ModelChooser models;
  private final AttachmentIntake intake;
  private final Storyboards stories;
  private final ClipFollowUps clips;
  private final FollowUps followUps;
  private final Replies replies;

  public StoryCommand(
      ModelChooser models,
      AttachmentIntake intake,
      Storyboards stories,
      ClipFollowUps clips,
      FollowUps followUps,
      Replies replies) {
    this.models = models;
    this.intake = intake;
    this.stories = stories;
    this.clips = clips;
    this.followUps = followUps;
    this.replies = replies;
  }

  /** Accepts the storyboard and shows its status, or returns the text that says why not. */
  public String run(ChatRequest r, ChatCommand.Story s) {
    Locale l = r.user().locale();
    List<ValidationProblem> problems = new ArrayList<>();
    int count = s.scenes().size();
    if (count < Storyboards.MIN_SCENES || count > Storyboards.MAX_SCENES) {
      problems.add(
          ValidationProblem.of(
              "story.scene_count", count, Storyboards.MIN_SCENES, Storyboards.MAX_SCENES));
    }
    VideoOptions o = s.options();
    Optional<ModelSpec> model = models.choose(r.chat(), o.model());
    if (model.isEmpty()) {
      problems.add(clips.unknownModel(o));
    }
    if (!problems.isEmpty()) {
      return replies.problems(l, problems); // before any attachment is downloaded
    }
    AttachmentIntake.Result files = intake.take(r.attachments());
    if (!files.problems().isEmpty()) {
      return replies.problems(l, files.problems());
    }
    List<MediaInput> media = MediaRoles.assign(files.stored(), o.assetIds(), o.ref());
    ModelChooser.Prepared first =
        models.request(r.chat(), model.get(), s.scenes().get(0), o, media);
    if (!first.notes().isEmpty()) {
      clips.tell(r, replies.notes(l, first.notes()));
    }
    List<GenerationRequest> scenes = StoryPlan.scenes(first.request(), s.scenes());
    return followUps.announce(
        r.user(), stories.accept(r.user(), r.chat(), r.messageId(), scenes, model.get()));
  }
}
