package com.seedancebot.core.story;

import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.Mp4Joiner;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.job.Acceptance;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobIds;
import com.seedancebot.core.job.JobRepository;
import com.seedancebot.core.job.JobResult;
import com.seedancebot.core.job.JobState;
import com.seedancebot.core.job.Scene;
import com.seedancebot.core.quota.QuotaDecision;
import com.seedancebot.core.quota.QuotaKeys;
import com.seedancebot.core.quota.QuotaLedger;
import com.seedancebot.core.quota.QuotaLimits;
import com.seedancebot.core.quota.QuotaPlanner;
import com.seedancebot.core.request.CostEstimator;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.MediaInput;
import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaRole;
import com.seedancebot.core.request.MediaSource;
import com.seedancebot.core.request.ModelSpec;
import com.seedancebot.core.request.Money;
import com.seedancebot.core.request.RequestValidator;
import com.seedancebot.core.request.ValidationProblem;
import com.seedancebot.core.story.StoryboardStore.Storyboard;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Storyboards, in one place: a storyboard is accepted as a whole (every scene validated, quota —
 * seconds and estimated money, under the budgets that apply to its owner there — reserved for every
 * scene under job ids chosen up front, the first scene queued), and its scenes then run through the
 * ordinary pipeline one after the other. Delivering a finished scene (see {@code DeliveryService})
 * either queues the next scene, whose first frame is this scene's last frame, or ends the
 * storyboard: the scenes made so far are joined into one MP4 ({@link Mp4Joiner}), kept as the
 * storyboard's video, and the quota of the scenes never started is refunded. A scene that failed,
 * expired or was cancelled ends it that way, and so does a cancelled storyboard ({@link #cancel}),
 * so Cancel stops the remaining scenes. A storyboard has an id of its own, which no job has: its
 * joined video is shown and acted on under that id ({@link #video}). Every step is recorded in the
 * database and idempotent, so a storyboard survives a restart like any job. Thread-safe.
 */
public final class Storyboards {

  public static final int MIN_SCENES = 2;
  public static final int MAX_SCENES = 6;

  /** What delivering a finished job means for its storyboard. */
  public enum Step {
    /** Not a scene: an ordinary job. */
    NONE,
    /** A scene that succeeded with more to come: the next scene starts from its last frame. */
    NEXT_SCENE,
    /** The last scene, or one that failed: the storyboard ends with what was made. */
    ENDS
  }

  /**
   * The storyboard's video: the storyboard's own job ({@link Job#asStoryVideo}) carrying the joined
   * result, and the jobs and prompts of the scenes it shows.
   */
  public record StoryVideo(Job job, List<String> sceneJobIds, List<String> prompts) {}

  /**
   * A storyboard as its owner sees it.
   *
   * @param id the storyboard's id
   * @param first its first scene's job (its owner, chat and options)
   * @param sceneJobIds every scene's job id, in order
   * @param prompts every scene's text
   * @param made the scenes' jobs that exist so far, in order
   * @param ended whether it ended
   */
  public record Story(
      String id,
      Job first,
      List<String> sceneJobIds,
      List<String> prompts,
      List<Job> made,
      boolean ended) {}

  private final StoryboardStore store;
  private final JobRepository jobs;
  private final RequestValidator validator;
  private final CostEstimator costs;
  private final QuotaLedger quota;
  private final QuotaPlanner budgets;
  private final AssetStore assets;
  private final StoryJoiner joiner;
  private final Clock clock;

  public Storyboards(
      StoryboardStore store,
      JobRepository jobs,
      RequestValidator validator,
      CostEstimator costs,
      QuotaLedger quota,
      QuotaPlanner budgets,
      AssetStore assets,
      Clock clock) {
    this.store = store;
    this.jobs = jobs;
    this.validator = validator;
    this.costs = costs;
    this.quota = quota;
    this.budgets = budgets;
    this.assets = assets;
    this.joiner = new StoryJoiner(assets);
    this.clock = clock;
  }

  /**
   * Validates every scene, reserves quota for all of them and queues the first; nothing is spent
   * when a scene breaks the model's limits or the quota does not cover the whole storyboard.
   */
  public Acceptance accept(
      UserRef owner,
      ChatRef chat,
      String requestMessageId,
      List<GenerationRequest> scenes,
      ModelSpec model) {
    List<GenerationRequest> full =
        scenes.stream().map(s -> s.withDefaults(model.capabilities())).toList();
    LinkedHashSet<ValidationProblem> problems = new LinkedHashSet<>();
    full.forEach(s -> problems.addAll(validator.validate(s, model)));
    if (!problems.isEmpty()) {
      return new Acceptance.Invalid(new ArrayList<>(problems));
    }
    List<String> ids = freshIds(full.size() + 1);
    String storyId = ids.remove(0);
    Instant now = clock.instant();
    QuotaKeys keys = QuotaKeys.of(owner, chat);
    QuotaLimits limits = budgets.limitsFor(owner, chat);
    for (int i = 0; i < ids.size(); i++) {
      GenerationRequest scene = full.get(i);
      long money = costs.estimate(scene, model).money().map(Money::millionths).orElse(0L);
      QuotaDecision decision =
          quota.reserve(ids.get(i), keys, limits, StoryPlan.seconds(scene, model), money, now);
      if (decision instanceof QuotaDecision.Denied denied) {
        ids.subList(0, i).forEach(id -> quota.refund(id, now));
        return new Acceptance.OverQuota(denied);
      }
    }
    store.insert(
        new Storyboard(storyId, ids, full.stream().map(GenerationRequest::prompt).toList()), now);
    Job first =
        Job.accepted(
                ids.get(0),
                owner,
                chat,
                requestMessageId,
                full.get(0),
                costs.estimate(full.get(0), model).tokens(),
                now)
            .asScene(new Scene(storyId, 1, ids.size()), null);
    jobs.insert(first);
    return new Acceptance.Accepted(first, queuePosition(first.id()));
  }

  /**
   * The storyboard {@code storyId} again, every scene with the seed {@code seed} (Reroll on its
   * video): accepted anew as a whole, as {@link #accept} does.
   */
  public Acceptance again(
      UserRef owner, ChatRef chat, String requestMessageId, Story story, long seed, ModelSpec m) {
    GenerationRequest first = story.first().request().withSeed(seed);
    return accept(owner, chat, requestMessageId, StoryPlan.scenes(first, story.prompts()), m);
  }

  /** The storyboard named by its own id or by one of its scenes' job ids. */
  public Optional<Story> find(String id) {
    return store.find(id).or(() -> store.findByScene(id)).flatMap(this::story);
  }

  /**
   * The storyboard's joined video as a job named by the storyboard's id ({@link Job#asStoryVideo}),
   * once it was made; empty for any other id.
   */
  public Optional<Job> video(String storyId) {
    return store
        .find(storyId)
        .filter(s -> s.video() != null)
        .flatMap(s -> jobs.find(s.videoJobId()).map(j -> j.asStoryVideo(s.id(), s.video())));
  }

  /**
   * Cancels the storyboard: no further scene starts, and the scene now running (returned, when one
   * is) is to be cancelled like any job; its end then ends the storyboard with what was made.
   */
  public Optional<Job> cancel(Story story) {
    store.markCancelled(story.id(), clock.instant());
    return story.made().isEmpty()
        ? Optional.empty()
        : Optional.of(story.made().get(story.made().size() - 1))
            .flatMap(j -> jobs.find(j.id()))
            .filter(j -> !j.state().isFinal());
  }

  /** What delivering this final job means for its storyboard. */
  public Step step(Job job) {
    if (job.scene() == null) {
      return Step.NONE;
    }
    boolean goesOn =
        job.state() == JobState.SUCCEEDED
            && !job.scene().last()
            && job.result() != null
            && job.result().lastFrameAssetId() != null;
    if (!goesOn) {
      return Step.ENDS;
    }
    Storyboard story = story(job);
    // a scene queued already (by a delivery cut short) is the one that ends a cancelled storyboard
    boolean nextQueued = jobs.find(story.sceneJobIds().get(job.scene().index())).isPresent();
    return story.cancelled() && !nextQueued ? Step.ENDS : Step.NEXT_SCENE;
  }

  /**
   * Queues the scene after {@code scene}, starting from its last frame and showing its status in
   * the same message, and returns it; a second call for the same scene changes nothing. Empty
   * (nothing queued) when the storyboard was cancelled before: {@code scene} then ends it. A cancel
   * that came while the scene was being queued may not have seen it: the caller asks {@link
   * #cancelled} afterwards and, if so, cancels the scene returned.
   */
  public Optional<Job> startNext(Job scene) throws IOException {
    Storyboard story = story(scene);
    int next = scene.scene().index() + 1;
    Optional<Job> queued = jobs.find(story.sceneJobIds().get(next - 1));
    if (queued.isPresent() || story.cancelled()) {
      return queued; // queued by a delivery cut short, or cancelled before: nothing to queue
    }
    String frame = scene.result().lastFrameAssetId();
    MediaInput first =
        new MediaInput(
            MediaRole.FIRST_FRAME,
            MediaKind.IMAGE,
            new MediaSource.Stored(frame),
            // the provider made this frame itself, so its size always fits the model
            new MediaInfo("image/png", assets.size(frame).orElse(0), null, null, null, null));
    int count = story.sceneJobIds().size();
    GenerationRequest request =
        StoryPlan.next(scene.request(), story.prompts().get(next - 1), first);
    Job job =
        Job.accepted(
                story.sceneJobIds().get(next - 1),
                scene.owner(),
                scene.chat(),
                scene.requestMessageId(),
                request,
                scene.estimatedTokens(),
                clock.instant())
            .asScene(new Scene(story.id(), next, count), scene.statusMessageId());
    jobs.insert(job); // false when a retried delivery queued it already
    return Optional.of(job);
  }

  /** Whether the storyboard of {@code scene} was cancelled. */
  public boolean cancelled(Job scene) {
    return story(scene).cancelled();
  }

  /**
   * Ends the storyboard of {@code scene}: refunds the scenes never started and joins the scenes
   * made so far into one video, stored like any result and kept as the storyboard's (a retried
   * delivery finds it and joins nothing again). Empty when no scene was made.
   */
  public Optional<StoryVideo> end(Job scene) throws IOException {
    Storyboard story = story(scene);
    Instant now = clock.instant();
    int started = scene.scene().index();
    story
        .sceneJobIds()
        .subList(started, story.sceneJobIds().size())
        .forEach(id -> quota.refund(id, now));
    store.markEnded(story.id(), now);
    List<Job> made = new ArrayList<>();
    for (String id : story.sceneJobIds().subList(0, started)) {
      jobs.find(id)
          .filter(j -> j.state() == JobState.SUCCEEDED && j.result() != null)
          .ifPresent(made::add);
    }
    if (made.isEmpty()) {
      return Optional.empty();
    }
    JobResult joined =
        story.video() != null ? story.video() : keep(story, scene, joiner.join(made));
    return Optional.of(
        new StoryVideo(
            made.get(made.size() - 1).asStoryVideo(story.id(), joined),
            made.stream().map(Job::id).toList(),
            made.stream().map(j -> j.request().prompt()).toList()));
  }

  /** Records the joined video as the storyboard's; when another delivery was first, uses its. */
  private JobResult keep(Storyboard story, Job scene, JobResult joined) throws IOException {
    if (store.saveVideo(story.id(), scene.id(), joined)) {
      return joined;
    }
    assets.delete(joined.videoAssetId());
    return store.find(story.id()).map(Storyboard::video).orElse(joined);
  }

  private Storyboard story(Job scene) {
    return store
        .find(scene.scene().storyId())
        .orElseThrow(() -> new IllegalStateException("no storyboard " + scene.scene().storyId()));
  }

  private List<String> freshIds(int count) {
    List<String> ids = new ArrayList<>();
    while (ids.size() < count) {
      String id = JobIds.next();
      if (!ids.contains(id) && jobs.find(id).isEmpty() && store.find(id).isEmpty()) {
        ids.add(id);
      }
    }
    return ids;
  }

  private int queuePosition(String id) {
    List<Job> queued = jobs.findQueued();
    for (int i = 0; i < queued.size(); i++) {
      if (queued.get(i).id().equals(id)) {
        return i + 1;
      }
    }
    return 1;
  }

  private Optional<Story> story(Storyboard s) {
    List<Job> made = new ArrayList<>();
    for (String id : s.sceneJobIds()) {
      Optional<Job> scene = jobs.find(id);
      if (scene.isEmpty()) {
        break;
      }
      made.add(scene.get());
    }
    return made.isEmpty()
        ? Optional.empty()
        : Optional.of(
            new Story(s.id(), made.get(0), s.sceneJobIds(), s.prompts(), made, s.ended()));
  }
}
