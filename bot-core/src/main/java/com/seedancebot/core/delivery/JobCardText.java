package com.seedancebot.core.delivery;

import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.request.CostEstimator;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.request.ModelSpec;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Renders a job's card ({@code /show}) in the reader's language: prompt, model and output settings,
 * the options that change how it is made (seed, draft, offline, last frame, watermark), the
 * estimated and the actual cost, its state, its timings (UTC) and who asked. A pure function of the
 * job; thread-safe.
 */
public final class JobCardText {

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private final Messages messages;
  private final ModelCatalog catalog;
  private final CostEstimator costs;
  private final JobTexts texts;

  public JobCardText(Messages messages, ModelCatalog catalog, CostEstimator costs) {
    this.messages = messages;
    this.catalog = catalog;
    this.costs = costs;
    this.texts = new JobTexts(messages, catalog, costs);
  }

  /** The card of {@code job} for a reader who reads {@code l}. */
  public String render(Job job, Locale l) {
    GenerationRequest r = job.request();
    Optional<ModelSpec> model =
        catalog.all().stream().filter(m -> m.id().equals(r.modelId())).findFirst();
    String state = messages.get(l, "state." + job.state().name().toLowerCase(Locale.ROOT));
    List<String> lines = new ArrayList<>();
    lines.add(messages.get(l, "card.title", job.id(), state));
    lines.add(messages.get(l, "card.prompt", r.prompt().isBlank() ? "—" : r.prompt()));
    lines.add(
        messages.get(
            l,
            "card.model",
            model.map(ModelSpec::label).orElse(r.modelId()),
            r.durationSeconds() == null || r.durationSeconds() < 0
                ? messages.get(l, "job.duration.auto")
                : r.durationSeconds() + " s",
            String.valueOf(r.resolution()),
            String.valueOf(r.ratio()),
            messages.get(
                l, Boolean.TRUE.equals(r.generateAudio()) ? "card.audio.on" : "card.audio.off")));
    lines.add(messages.get(l, "card.options", options(job, l)));
    lines.add(
        messages.get(l, "card.cost", job.estimatedTokens(), money(job, model, l), actual(job, l)));
    if (job.state() == com.seedancebot.core.job.JobState.FAILED) {
      lines.add(messages.get(l, "card.error", texts.reason(job)));
    }
    lines.add(
        messages.get(
            l,
            "card.times",
            time(job.createdAt()),
            time(job.submittedAt()),
            time(job.finishedAt()),
            took(job, l)));
    lines.add(
        messages.get(
            l,
            "card.owner",
            job.owner().displayName(),
            job.owner().platform().name().toLowerCase(Locale.ROOT)));
    return String.join("\n", lines);
  }

  private String options(Job job, Locale l) {
    GenerationRequest r = job.request();
    List<String> parts = new ArrayList<>();
    Long seed =
        job.result() != null && job.result().seed() != null ? job.result().seed() : r.seed();
    parts.add(
        messages.get(
            l, "card.seed", seed == null ? messages.get(l, "card.seed.random") : seed.toString()));
    if (r.draft()) {
      parts.add(messages.get(l, "card.option.draft"));
    }
    if (r.fromDraft()) {
      parts.add(messages.get(l, "card.option.final"));
    }
    if (r.flex()) {
      parts.add(messages.get(l, "card.option.flex"));
    }
    if (r.postLastFrame()) {
      parts.add("--last-frame");
    }
    if (r.watermark()) {
      parts.add("--watermark");
    }
    if (r.webSearch()) {
      parts.add("--web-search");
    }
    if (!r.media().isEmpty()) {
      parts.add(messages.get(l, "card.media", r.media().size()));
    }
    return String.join(" · ", parts);
  }

  private String money(Job job, Optional<ModelSpec> model, Locale l) {
    return model
        .flatMap(m -> costs.estimate(job.request(), m).money())
        .map(
            m ->
                messages.get(
                    l,
                    "job.cost",
                    m.amount().setScale(2, RoundingMode.HALF_UP).toPlainString(),
                    m.currency()))
        .orElse("");
  }

  private String actual(Job job, Locale l) {
    Long used = job.result() == null ? null : job.result().usageTokens();
    return used == null
        ? messages.get(l, "card.cost.actual.none")
        : messages.get(l, "card.cost.actual", used);
  }

  private String took(Job job, Locale l) {
    if (job.finishedAt() == null) {
      return "";
    }
    long s = Math.max(0, Duration.between(job.createdAt(), job.finishedAt()).toSeconds());
    return messages.get(l, "card.took", String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60));
  }

  private static String time(Instant at) {
    return at == null ? "—" : TIME.format(at);
  }
}
