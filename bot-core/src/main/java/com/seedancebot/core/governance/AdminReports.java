package com.seedancebot.core.governance;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The read-only admin views of a chat (or a whole Discord server): {@code /admin stats [days]}
 * (jobs, seconds and tokens by user and by model, failures by cause; 7 days unless told, at most
 * {@link #MAX_DAYS}) and {@code /admin jobs} (every queued and running job there, each with a
 * Cancel button where the surface has buttons). Thread-safe.
 */
final class AdminReports {

  static final int DEFAULT_DAYS = 7;
  static final int MAX_DAYS = 90;

  private final JobStatistics statistics;
  private final JobRepository jobs;
  private final Messages messages;
  private final Clock clock;

  AdminReports(JobStatistics statistics, JobRepository jobs, Messages messages, Clock clock) {
    this.statistics = statistics;
    this.jobs = jobs;
    this.messages = messages;
    this.clock = clock;
  }

  String stats(UserRef admin, ChatRef chat, List<String> args) {
    Locale l = admin.locale();
    int days = days(args);
    Instant since = clock.instant().minus(Duration.ofDays(days));
    JobStatistics.Totals all = statistics.overall(chat, since);
    if (all.jobs() == 0) {
      return messages.get(l, "admin.stats.none", days);
    }
    StringBuilder text = new StringBuilder(messages.get(l, "admin.stats.header", days));
    text.append('\n').append(line(l, messages.get(l, "admin.stats.total"), all));
    text.append('\n').append(messages.get(l, "admin.stats.by_user"));
    for (JobStatistics.Totals user : statistics.byUser(chat, since)) {
      text.append('\n').append(line(l, user.name() + " (" + user.key() + ")", user));
    }
    text.append('\n').append(messages.get(l, "admin.stats.by_model"));
    for (JobStatistics.Totals model : statistics.byModel(chat, since)) {
      text.append('\n').append(line(l, model.name(), model));
    }
    List<JobStatistics.Failures> failures = statistics.failures(chat, since);
    if (!failures.isEmpty()) {
      text.append('\n').append(messages.get(l, "admin.stats.failures"));
      for (JobStatistics.Failures f : failures) {
        text.append('\n').append(messages.get(l, "admin.stats.failure_line", f.cause(), f.jobs()));
      }
    }
    return text.toString();
  }

  AdminCommands.JobList jobs(UserRef admin, ChatRef chat) {
    Locale l = admin.locale();
    List<Job> here = jobs.findActive().stream().filter(j -> sameScope(j.chat(), chat)).toList();
    if (here.isEmpty()) {
      return new AdminCommands.JobList(messages.get(l, "admin.jobs.none"), List.of());
    }
    StringBuilder text = new StringBuilder(messages.get(l, "admin.jobs.header", here.size()));
    for (Job job : here) {
      text.append('\n')
          .append(
              messages.get(
                  l,
                  "admin.jobs.line",
                  job.id(),
                  messages.get(l, "state." + job.state().name().toLowerCase(Locale.ROOT)),
                  job.owner().displayName(),
                  job.owner().key(),
                  excerpt(job.request().prompt())));
    }
    return new AdminCommands.JobList(text.toString(), here.stream().map(Job::id).toList());
  }

  private String line(Locale l, String label, JobStatistics.Totals t) {
    return messages.get(
        l,
        "admin.stats.line",
        label,
        t.jobs(),
        String.format(Locale.ROOT, "%.0f", t.seconds()),
        t.tokens());
  }

  private static boolean sameScope(ChatRef a, ChatRef b) {
    return a.quotaKey().equals(b.quotaKey());
  }

  private static String excerpt(String prompt) {
    String p = prompt == null ? "" : prompt.strip();
    return p.length() <= 40 ? p : p.substring(0, 39) + "…";
  }

  private static int days(List<String> args) {
    if (args.isEmpty()) {
      return DEFAULT_DAYS;
    }
    try {
      return Math.min(MAX_DAYS, Math.max(1, Integer.parseInt(args.get(0).strip())));
    } catch (NumberFormatException e) {
      return DEFAULT_DAYS;
    }
  }
}
