package com.seedancebot.core.job;

import java.util.Map;
import org.slf4j.MDC;

/**
 * Puts a job's identity into the logging context (SLF4J MDC) of the current thread for the length
 * of a {@code try} block, so every log line written meanwhile — by the pipeline, a provider client
 * or a chat adapter — carries the job id, the provider's task id, the platform and the chat. The
 * context the thread had before is restored on {@link #close()}. Not thread-safe: open and close it
 * on one thread.
 */
public final class JobLogContext implements AutoCloseable {

  /** The MDC key of the job id. */
  public static final String JOB_ID = "job_id";

  /** The MDC key of the provider's task id (absent until the provider accepted the job). */
  public static final String PROVIDER_TASK_ID = "provider_task_id";

  /** The MDC key of the chat platform ({@code telegram}, {@code discord}, {@code playground}). */
  public static final String PLATFORM = "platform";

  /** The MDC key of the chat id on its platform. */
  public static final String CHAT_ID = "chat_id";

  private final Map<String, String> previous;

  private JobLogContext(Job job) {
    this.previous = MDC.getCopyOfContextMap();
    MDC.put(JOB_ID, job.id());
    MDC.put(PLATFORM, job.chat().platform().name().toLowerCase(java.util.Locale.ROOT));
    MDC.put(CHAT_ID, job.chat().chatId());
    taskId(job.providerTaskId());
  }

  /** Sets {@code job}'s identity until {@link #close()}. */
  public static JobLogContext of(Job job) {
    return new JobLogContext(job);
  }

  /** Records the provider's task id once it is known (within an open context). */
  public static void taskId(String providerTaskId) {
    if (providerTaskId == null) {
      MDC.remove(PROVIDER_TASK_ID);
    } else {
      MDC.put(PROVIDER_TASK_ID, providerTaskId);
    }
  }

  @Override
  public void close() {
    if (previous == null) {
      MDC.clear();
    } else {
      MDC.setContextMap(previous);
    }
  }
}
