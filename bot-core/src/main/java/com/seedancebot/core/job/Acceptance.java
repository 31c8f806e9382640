package com.seedancebot.core.job;

import com.seedancebot.core.quota.QuotaDecision;
import com.seedancebot.core.request.ValidationProblem;
import java.util.List;

/** What became of a new video request. */
public sealed interface Acceptance {

  /** Queued; {@code queuePosition} is 1-based. */
  record Accepted(Job job, int queuePosition) implements Acceptance {}

  /** The request breaks the model's limits; nothing was spent. */
  record Invalid(List<ValidationProblem> problems) implements Acceptance {
    public Invalid {
      problems = List.copyOf(problems);
    }
  }

  /** The caller's (or the chat's) quota does not allow it now. */
  record OverQuota(QuotaDecision.Denied denial) implements Acceptance {}
}
