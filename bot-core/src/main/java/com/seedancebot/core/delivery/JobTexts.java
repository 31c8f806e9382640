package com.seedancebot.core.delivery;

import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.request.CostEstimator;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.request.ModelSpec;
import com.seedancebot.core.story.StoryPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Renders what users read about a job — status lines, the result caption, the {@code /jobs} line —
 * in the owner's language. Pure functions of the job and the time; thread-safe.
 */
public final class JobTexts {

  private static final int PROMPT_EXCERPT = 120;

  private final Messages messages;
  private final ModelCatalog catalog;
  private final CostEstimator costs;

  public JobTexts(Messages messages, ModelCatalog catalog) {
    this(messages, catalog, new CostEstimator());
  }

  /** Texts that also show the estimated price when {@code costs} knows the model's price. */
  public JobTexts(Messages messages, ModelCatalog catalog, CostEstimator costs) {
    this.messages = messages;
    this.catalog = catalog;
    this.costs = costs;
  }

  /** The status message text for the job's current state. */
  public String status(Job job, Integer queuePosition, Instant now) {
    Locale l = job.owner().locale();
    String head =
        switch (job.state()) {
          case QUEUED ->
              queuePosition == null
                  ? messages.get(l, "status.queued.retry", job.id())
                  : messages.get(l, "status.queued", job.id(), queuePosition);
          case SUBMITTED -> messages.get(l, "status.submitted", job.id());
          case RUNNING ->
              messages.get(l, "status.running", job.id(), elapsed(job.submittedAt(), now));
          case SUCCEEDED -> messages.get(l, "status.succeeded", job.id());
          case FAILED -> messages.get(l, "status.failed", job.id(), reason(job));
          case EXPIRED -> messages.get(l, "status.expired", job.id());
          case CANCELLED -> messages.get(l, "status.cancelled", job.id());
        };
    String scene =
        job.scene() == null
            ? ""
            : messages.get(
                    l,
                    "status.scene",
                    job.scene().index(),
                    job.scene().count(),
                    job.scene().storyId())
                + "\n";
    return scene + head + "\n" + summary(job) + storyTotal(job, l) + modeNote(job, l);
  }

  /**
   * Under a storyboard's first scene (the message that shows what was reserved): the estimate of
   * the whole storyboard, whose later scenes are planned from the first ({@link StoryPlan}).
   */
  private String storyTotal(Job job, Locale l) {
    if (job.scene() == null || job.scene().index() != 1 || job.state().isFinal()) {
      return "";
    }
    return model(job.request().modelId())
        .map(
            m -> {
              var prompts = java.util.Collections.nCopies(job.scene().count(), "");
              var total = StoryPlan.total(StoryPlan.scenes(job.request(), prompts), m, costs);
              String money = total.money().map(x -> cost(l, x)).orElse("");
              return "\n" + messages.get(l, "story.total", total.seconds(), total.tokens(), money);
            })
        .orElse("");
  }

  private java.util.Optional<ModelSpec> model(String modelId) {
    return catalog.all().stream().filter(m -> m.id().equals(modelId)).findFirst();
  }

  private String cost(Locale l, com.seedancebot.core.request.Money money) {
    return messages.get(l, "job.cost", money.shown(), money.currency());
  }

  /**
   * While a job is on its way: offline inference waits longer (and costs half, which the summary's
   * price already shows); a draft is a 480p preview with a Final button to come.
   */
  private String modeNote(Job job, Locale l) {
    if (job.state().isFinal()) {
      return "";
    }
    String note = job.request().flex() ? "\n" + messages.get(l, "status.flex") : "";
    return job.request().draft() ? note + "\n" + messages.get(l, "status.draft") : note;
  }

  /** One line: model, duration, resolution, ratio, estimated tokens. */
  public String summary(Job job) {
    GenerationRequest r = job.request();
    Locale l = job.owner().locale();
    String summary =
        messages.get(
            l,
            "job.summary",
            modelLabel(r.modelId()),
            duration(l, r.durationSeconds()),
            r.resolution(),
            r.ratio(),
            job.estimatedTokens());
    return summary + price(l, job);
  }

  /** " · ≈ 4.99 CNY" when a price is configured for the model, else nothing. */
  private String price(Locale l, Job job) {
    return catalog.all().stream()
        .filter(m -> m.id().equals(job.request().modelId()))
        .findFirst()
        .flatMap(m -> costs.estimate(job.request(), m).money())
        .map(money -> cost(l, money))
        .orElse("");
  }

  /** The caption under a delivered video. */
  public String caption(Job job) {
    Locale l = job.owner().locale();
    var result = job.result();
    return messages.get(
        l,
        "result.caption",
        excerpt(job.request().prompt()),
        modelLabel(job.request().modelId()),
        String.format(Locale.ROOT, "%.1f", result.durationSeconds()),
        result.seed() == null ? "-" : result.seed().toString(),
        job.id());
  }

  /**
   * The caption under a storyboard's video ({@code job} is the storyboard's, named by its id): the
   * scenes' prompts, the model, the joined length and the job of each scene made.
   */
  public String storyCaption(Job job, List<String> sceneJobIds, List<String> prompts) {
    Locale l = job.owner().locale();
    return messages.get(
        l,
        "result.caption.story",
        excerpt(String.join(" | ", prompts)),
        modelLabel(job.request().modelId()),
        String.format(Locale.ROOT, "%.1f", job.result().durationSeconds()),
        sceneJobIds.size(),
        String.join(", ", sceneJobIds),
        job.id());
  }

  /**
   * The message that replaces a video the chat would not take (or that took too long to upload):
   * why, and the signed link.
   */
  public String linkFallback(
      Job job, java.net.URI link, Duration linkLifetime, boolean uploadTimedOut) {
    Locale l = job.owner().locale();
    return messages.get(
        l,
        "delivery.link_fallback",
        job.id(),
        messages.get(l, uploadTimedOut ? "delivery.upload_timed_out" : "delivery.upload_refused"),
        Math.max(1, linkLifetime.toDays()),
        link.toString());
  }

  /** The user-facing reason of a failed job. */
  public String reason(Job job) {
    String code = job.errorCode() == null ? "unknown" : job.errorCode();
    Locale l = job.owner().locale();
    String key = "error." + code;
    return messages.has(Locale.ENGLISH, key)
        ? messages.get(l, key)
        : messages.get(l, "error.unknown");
  }

  /** One line of {@code /jobs}. */
  public String listLine(Job job, Integer queuePosition, Instant now) {
    Locale l = job.owner().locale();
    String state = messages.get(l, "state." + job.state().name().toLowerCase(Locale.ROOT));
    String extra =
        queuePosition != null
            ? messages.get(l, "jobs.position", queuePosition)
            : job.result() != null && job.result().usageTokens() != null
                ? messages.get(l, "jobs.usage", job.result().usageTokens())
                : "";
    return messages.get(
        l,
        "jobs.line",
        job.id(),
        state,
        excerpt(job.request().prompt()),
        extra,
        ago(l, job.createdAt(), now));
  }

  /**
   * One line of {@code /history}: job id, prompt excerpt, model, length and age (and who asked, for
   * lists of everyone's videos), in {@code l}.
   */
  public String historyLine(Job job, boolean withOwner, Locale l, Instant now) {
    String seconds =
        job.result() == null
            ? "-"
            : String.format(Locale.ROOT, "%.0f", job.result().durationSeconds());
    String line =
        messages.get(
            l,
            "history.line",
            job.id(),
            excerpt(job.request().prompt()),
            modelLabel(job.request().modelId()),
            seconds,
            ago(l, job.createdAt(), now));
    return withOwner ? line + messages.get(l, "history.by", job.owner().displayName()) : line;
  }

  private String modelLabel(String modelId) {
    return catalog.all().stream()
        .filter(m -> m.id().equals(modelId))
        .map(ModelSpec::label)
        .findFirst()
        .orElse(modelId);
  }

  private String duration(Locale l, Integer seconds) {
    return seconds == null || seconds < 0 ? messages.get(l, "job.duration.auto") : seconds + " s";
  }

  private static String elapsed(Instant since, Instant now) {
    long s = since == null ? 0 : Math.max(0, Duration.between(since, now).toSeconds());
    return String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
  }

  private String ago(Locale l, Instant then, Instant now) {
    long minutes = Math.max(0, Duration.between(then, now).toMinutes());
    if (minutes < 60) {
      return messages.get(l, "time.minutes_ago", minutes);
    }
    return messages.get(l, "time.hours_ago", minutes / 60);
  }

  private static String excerpt(String prompt) {
    if (prompt == null || prompt.isBlank()) {
      return "—";
    }
    String oneLine = prompt.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= PROMPT_EXCERPT
        ? oneLine
        : oneLine.substring(0, PROMPT_EXCERPT - 1) + "…";
  }
}
