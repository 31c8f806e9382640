package com.seedancebot.core.job;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.provider.CancelOutcome;
import com.seedancebot.core.provider.ProviderException;
import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.quota.QuotaDecision;
import com.seedancebot.core.quota.QuotaKeys;
import com.seedancebot.core.quota.QuotaLedger;
import com.seedancebot.core.quota.QuotaLimits;
import com.seedancebot.core.quota.QuotaPlanner;
import com.seedancebot.core.request.CostEstimate;
import com.seedancebot.core.request.CostEstimator;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.ModelSpec;
import com.seedancebot.core.request.Money;
import com.seedancebot.core.request.RequestValidator;
import com.seedancebot.core.request.ValidationProblem;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Accepts, lists and cancels jobs. Acceptance validates against the model, estimates the cost,
 * reserves quota (seconds and estimated money, under the budgets that apply to the user there) and
 * persists the job in the local queue — in that order, so nothing is spent on an invalid request
 * and a reservation never outlives a job that was not stored. Thread-safe.
 */
public final class JobService {

  private final JobRepository jobs;
  private final RequestValidator validator;
  private final CostEstimator costs;
  private final QuotaLedger quota;
  private final QuotaPlanner budgets;
  private final ProviderRouter router;
  private final JobOutcomes outcomes;
  private final Clock clock;

  public JobService(
      JobRepository jobs,
      RequestValidator validator,
      CostEstimator costs,
      QuotaLedger quota,
      QuotaPlanner budgets,
      ProviderRouter router,
      JobOutcomes outcomes,
      Clock clock) {
    this.jobs = jobs;
    this.validator = validator;
    this.costs = costs;
    this.quota = quota;
    this.budgets = budgets;
    this.router = router;
    this.outcomes = outcomes;
    this.clock = clock;
  }

  /** Validates, reserves quota and queues a request (the model's defaults are applied here). */
  public Acceptance submit(
      UserRef owner,
      ChatRef chat,
      String requestMessageId,
      GenerationRequest request,
      ModelSpec model) {
    GenerationRequest full = request.withDefaults(model.capabilities());
    List<ValidationProblem> problems = validator.validate(full, model);
    if (!problems.isEmpty()) {
      return new Acceptance.Invalid(problems);
    }
    CostEstimate estimate = costs.estimate(full, model);
    long tokens = estimate.tokens();
    long money = estimate.money().map(Money::millionths).orElse(0L);
    int seconds =
        full.durationSeconds() < 0 ? model.capabilities().maxDuration() : full.durationSeconds();
    QuotaKeys keys = QuotaKeys.of(owner, chat);
    QuotaLimits limits = budgets.limitsFor(owner, chat);
    for (int attempt = 0; attempt < 5; attempt++) {
      String id = JobIds.next();
      if (jobs.find(id).isPresent()) {
        continue;
      }
      QuotaDecision decision = quota.reserve(id, keys, limits, seconds, money, clock.instant());
      if (decision instanceof QuotaDecision.Denied denied) {
        return new Acceptance.OverQuota(denied);
      }
      Job job = Job.accepted(id, owner, chat, requestMessageId, full, tokens, clock.instant());
      if (jobs.insert(job)) {
        return new Acceptance.Accepted(job, queuePosition(id).orElse(1));
      }
      quota.refund(id, clock.instant());
    }
    throw new IllegalStateException("could not allocate a job id");
  }

  /** The caller's most recent jobs, newest first. */
  public List<Job> recent(UserRef owner, int limit) {
    return jobs.findRecentByOwner(owner, limit);
  }

  /**
   * The succeeded jobs asked in {@code chat} (any thread), newest first: {@code owner}'s only, or
   * everyone's when {@code owner} is null.
   */
  public List<Job> finishedIn(ChatRef chat, UserRef owner, int limit) {
    return jobs.findSucceededInChat(chat, owner, limit);
  }

  public Optional<Job> find(String id) {
    return jobs.find(id);
  }

  /**
   * The job the chat message {@code requestMessageId} already made, if any. A message handled a
   * second time (delivered again by its platform, or taken over by another instance after a crash)
   * must find it rather than make a second job.
   */
  public Optional<Job> madeFrom(ChatRef chat, String requestMessageId) {
    return requestMessageId == null ? Optional.empty() : jobs.findByRequest(chat, requestMessageId);
  }

  /** 1-based position of a job in the local queue, or empty when it is not queued. */
  public Optional<Integer> queuePosition(String jobId) {
    List<Job> queued = jobs.findQueued();
    for (int i = 0; i < queued.size(); i++) {
      if (queued.get(i).id().equals(jobId)) {
        return Optional.of(i + 1);
      }
    }
    return Optional.empty();
  }

  /**
   * Cancels a job for its owner, or for an admin of the chat it was asked in (on Discord, of its
   * server).
   */
  public CancelResult cancel(UserRef caller, ChatRef where, String jobId) {
    Optional<Job> found = jobs.find(jobId.strip().toLowerCase(java.util.Locale.ROOT));
    CancelResult refused =
        found.isEmpty() ? CancelResult.NOT_FOUND : refusal(caller, where, found.get());
    if (refused != null) {
      return refused;
    }
    Job job = found.get();
    if (job.state().isFinal()) {
      return CancelResult.ALREADY_FINISHED;
    }
    if (job.state() == JobState.QUEUED) {
      return outcomes.finish(job, JobState.CANCELLED, "cancelled")
          ? CancelResult.CANCELLED
          : CancelResult.ALREADY_FINISHED;
    }
    return cancelAtProvider(job);
  }

  /**
   * Why {@code caller} may not cancel {@code job} where they are ({@link CancelResult#NOT_FOUND}
   * for another platform's job, {@link CancelResult#NOT_ALLOWED} for neither its owner nor a chat
   * admin), or null when they may.
   */
  public CancelResult refusal(UserRef caller, ChatRef where, Job job) {
    if (job.owner().platform() != caller.platform()) {
      return CancelResult.NOT_FOUND;
    }
    boolean owner = job.owner().userId().equals(caller.userId());
    boolean chatAdmin = caller.admin() && job.chat().quotaKey().equals(where.quotaKey());
    return owner || chatAdmin ? null : CancelResult.NOT_ALLOWED;
  }

  private CancelResult cancelAtProvider(Job job) {
    var provider = router.byName(job.providerName());
    if (provider.isEmpty()) {
      outcomes.finish(job, JobState.CANCELLED, "cancelled");
      return CancelResult.STOPPED_LOCALLY;
    }
    try {
      CancelOutcome outcome = provider.get().cancel(job.providerTaskId());
      return switch (outcome) {
        case CANCELLED -> {
          outcomes.finish(job, JobState.CANCELLED, "cancelled");
          yield CancelResult.CANCELLED;
        }
        case TOO_LATE -> CancelResult.TOO_LATE;
        case NOT_SUPPORTED -> {
          outcomes.finish(job, JobState.CANCELLED, "cancelled");
          yield CancelResult.STOPPED_LOCALLY;
        }
      };
    } catch (ProviderException e) {
      return CancelResult.TRY_AGAIN;
    }
  }
}
