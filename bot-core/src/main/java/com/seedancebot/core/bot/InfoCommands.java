package com.seedancebot.core.bot;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.HelpText;
import com.seedancebot.core.chat.ModelListFormatter;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.chat.VideoOptions;
import com.seedancebot.core.delivery.JobTexts;
import com.seedancebot.core.job.CancelResult;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobService;
import com.seedancebot.core.job.JobState;
import com.seedancebot.core.quota.QuotaKeys;
import com.seedancebot.core.quota.QuotaLedger;
import com.seedancebot.core.quota.QuotaPlanner;
import com.seedancebot.core.quota.QuotaTextFormatter;
import com.seedancebot.core.story.Storyboards;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The commands that answer with text: {@code /jobs}, {@code /cancel}, {@code /quota}, {@code
 * /models}, {@code /settings} and {@code /help}. Each returns the reply in the caller's language.
 */
public final class InfoCommands {

  private static final int RECENT_JOBS = 10;

  private final JobService jobs;
  private final JobTexts jobTexts;
  private final QuotaLedger quota;
  private final QuotaPlanner budgets;
  private final QuotaTextFormatter quotaTexts;
  private final ModelChooser models;
  private final ModelListFormatter modelList;
  private final HelpText help;
  private final SettingsCommand settingsCommand;
  private final Replies replies;
  private final Storyboards stories;
  private final Clock clock;

  public InfoCommands(
      JobService jobs,
      JobTexts jobTexts,
      QuotaLedger quota,
      QuotaPlanner budgets,
      QuotaTextFormatter quotaTexts,
      ModelChooser models,
      ModelListFormatter modelList,
      HelpText help,
      ChatSettingsStore settings,
      Replies replies,
      Storyboards stories,
      Clock clock) {
    this.jobs = jobs;
    this.jobTexts = jobTexts;
    this.quota = quota;
    this.budgets = budgets;
    this.quotaTexts = quotaTexts;
    this.models = models;
    this.modelList = modelList;
    this.help = help;
    this.settingsCommand = new SettingsCommand(settings, models, replies, clock);
    this.replies = replies;
    this.stories = stories;
    this.clock = clock;
  }

  public String jobs(UserRef user) {
    List<Job> recent = jobs.recent(user, RECENT_JOBS);
    Locale l = user.locale();
    if (recent.isEmpty()) {
      return replies.text(l, "jobs.none");
    }
    StringBuilder text = new StringBuilder(replies.text(l, "jobs.header"));
    for (Job job : recent) {
      Integer position =
          job.state() == JobState.QUEUED ? jobs.queuePosition(job.id()).orElse(null) : null;
      text.append('\n').append(jobTexts.listLine(job, position, clock.instant()));
    }
    return text.toString();
  }

  /**
   * The outcome of {@code /cancel} (or the Cancel button), e.g. "Job j1 is cancelled…". A
   * storyboard, named by its id or any of its scenes' job ids, is cancelled as a whole ({@link
   * #cancelStory}).
   */
  public String cancel(UserRef user, ChatRef chat, String jobId) {
    String id = jobId.strip().toLowerCase(Locale.ROOT);
    Optional<Storyboards.Story> story = stories == null ? Optional.empty() : stories.find(id);
    CancelResult result =
        story.isPresent() ? cancelStory(user, chat, story.get()) : jobs.cancel(user, chat, id);
    String key = "cancel." + result.name().toLowerCase(Locale.ROOT);
    return replies.text(user.locale(), key, jobId);
  }

  /**
   * Stops a storyboard: no further scene starts, the scene running now is cancelled like any job,
   * and when it ends the storyboard ends with the scenes made so far delivered and the rest
   * refunded (between two scenes, the finished one ends it).
   */
  private CancelResult cancelStory(UserRef user, ChatRef chat, Storyboards.Story story) {
    CancelResult refused = jobs.refusal(user, chat, story.first());
    if (refused != null) {
      return refused;
    }
    if (story.ended()) {
      return CancelResult.ALREADY_FINISHED;
    }
    Optional<Job> running = stories.cancel(story);
    return running.isPresent()
        ? jobs.cancel(user, chat, running.get().id())
        : CancelResult.CANCELLED;
  }

  public String quota(UserRef user, ChatRef chat) {
    var snapshot =
        quota.remaining(QuotaKeys.of(user, chat), budgets.limitsFor(user, chat), clock.instant());
    return quotaTexts.snapshot(user.locale(), snapshot, clock.instant());
  }

  public String models(UserRef user) {
    return modelList.render(
        user.locale(), models.catalog(), models.families(), models.defaultModelId());
  }

  /** {@code /settings}: shows the chat's defaults, or checks and saves new ones (admins only). */
  public String settings(UserRef user, ChatRef chat, VideoOptions changes) {
    return settingsCommand.run(user, chat, changes);
  }

  public String help(UserRef user, ChatRef chat) {
    return help.render(user.locale(), chat.platform());
  }
}
