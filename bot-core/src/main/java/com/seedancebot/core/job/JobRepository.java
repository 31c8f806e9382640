package com.seedancebot.core.job;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Persistence of jobs. Every method is one transaction; transitions are guarded by the expected
 * current state and return whether they applied, so a step repeated after a restart (or by a second
 * instance) changes nothing.
 */
public interface JobRepository {

  /** Stores a new job; returns false when the id is taken. */
  boolean insert(Job job);

  Optional<Job> find(String id);

  /** Jobs waiting in the local queue, oldest first. */
  List<Job> findQueued();

  /** Jobs at the provider whose next poll is due, oldest first. */
  List<Job> findDueAtProvider(Instant now, int limit);

  /**
   * The given jobs as stored now, those still at their provider (SUBMITTED or RUNNING), in any
   * order. Each keeps the request of the copy given, which is not read again: a job's request is
   * last written when its submit starts, before it reaches its provider.
   */
  List<Job> findAtProvider(List<Job> known);

  /**
   * Makes every job at a provider (SUBMITTED or RUNNING) whose next poll is later than {@code
   * after} due at {@code at}: after a restart, the polls a sole instance scheduled only in memory
   * are lost (their stored next polls lie far ahead), and its jobs are polled at once instead.
   *
   * @return how many jobs were brought forward
   */
  int bringPollsForward(Instant at, Instant after);

  /**
   * How many jobs hold a slot at the named provider at {@code now}: tasks there, creates sent
   * without their answer recorded, and creates claimed by a live lease.
   */
  int countAtProvider(String providerName, Instant now);

  /**
   * Claims a queued job's create at the named provider if fewer than {@code limit} jobs hold a slot
   * there: the count and the claim are one transaction under the provider's lock row, so instances
   * sharing the database never exceed the limit together. The job's next try moves to {@code
   * until}, like {@link #claim}.
   */
  boolean claimSubmit(
      String id, String providerName, int limit, String owner, Instant now, Instant until);

  /**
   * Takes the polls of these jobs for this instance: each job still due at {@code now}, or whose
   * next poll is still the one read, moves to {@code until} (a poll another instance took has moved
   * past {@code now}); returns the ids taken, which only this instance polls until then.
   */
  java.util.Set<String> claimPolls(List<Job> due, Instant now, Instant until);

  /**
   * Final jobs whose outcome has not been posted yet and whose next try is due, oldest first (by
   * finishing time, then id).
   */
  default List<Job> findUndelivered(Instant now, int limit) {
    return findUndelivered(now, null, limit, java.util.Set.of());
  }

  /**
   * Like {@link #findUndelivered(Instant, int)}, the page after {@code after} (null: the first),
   * without the jobs of the chats in {@code busyChats} ({@code PLATFORM:chatId}, at most a few
   * dozen): chats whose deliveries already take every worker they may have, so that a backlog in
   * one chat never fills the page and hides the others' videos.
   */
  List<Job> findUndelivered(
      Instant now, Job after, int limit, java.util.Collection<String> busyChats);

  /** Every job that is not final (for status refreshes and metrics). */
  List<Job> findActive();

  /**
   * The succeeded jobs asked in {@code chat} (its platform and chat id, any thread), newest first;
   * only {@code owner}'s when not null.
   */
  List<Job> findSucceededInChat(ChatRef chat, UserRef owner, int limit);

  /** The user's most recent jobs, newest first. */
  List<Job> findRecentByOwner(UserRef owner, int limit);

  /**
   * The job made from the chat message {@code requestMessageId} in {@code chat} (the newest, should
   * follow-ups share it), if any.
   */
  Optional<Job> findByRequest(ChatRef chat, String requestMessageId);

  /** Counts jobs per state (metrics). */
  java.util.Map<JobState, Long> countByState();

  /** Counts jobs per state and model id (metrics); combinations without jobs are absent. */
  java.util.Map<JobState, java.util.Map<String, Long>> countByStateAndModel();

  /**
   * QUEUED → SUBMITTED with the provider's task id and callback token (null keeps the stored one).
   */
  boolean markSubmitted(
      String id,
      String providerName,
      String taskId,
      String callbackToken,
      Instant now,
      Instant nextPoll);

  /** QUEUED stays QUEUED: a transient submit failure, retried at {@code nextTry}. */
  boolean deferQueued(String id, int attempts, Instant nextTry);

  /** SUBMITTED/RUNNING → {@code state} (SUBMITTED or RUNNING) with the next poll time. */
  boolean updateAtProvider(String id, JobState state, int attempts, Instant nextPoll);

  /**
   * Brings a SUBMITTED/RUNNING job's next poll forward to {@code at}; a job due earlier already, or
   * no longer at its provider, is left alone. A poll another instance has claimed (its next poll
   * set to its lease's end) is brought forward too, so that task may be polled twice at most; what
   * follows a poll (collecting, ending the job) is claimed on its own and never runs twice.
   *
   * @return whether the job's next poll moved
   */
  boolean pollBy(String id, Instant at);

  /**
   * One {@link #updateAtProvider(String, JobState, int, Instant)}.
   *
   * @param state SUBMITTED or RUNNING
   */
  record AtProvider(String id, JobState state, int attempts, Instant nextPoll) {
    public AtProvider {
      java.util.Objects.requireNonNull(id, "id");
      java.util.Objects.requireNonNull(nextPoll, "nextPoll");
      if (!state.atProvider()) {
        throw new IllegalArgumentException("not a provider state: " + state);
      }
    }
  }

  /**
   * Many {@link #updateAtProvider(String, JobState, int, Instant)} at once, each guarded the same
   * way; an implementation may apply them in one transaction (a tracker pass writes one commit).
   */
  default void updateAtProvider(List<AtProvider> updates) {
    updates.forEach(u -> updateAtProvider(u.id(), u.state(), u.attempts(), u.nextPoll()));
  }

  /**
   * A non-final job → SUCCEEDED with its stored result, ending the collect step's lease in the same
   * update: a lease renewal racing the end of the step must not push the delivery back by a lease.
   */
  boolean markSucceeded(String id, JobResult result, Instant now);

  /** A non-final job → FAILED, EXPIRED or CANCELLED with a message code. */
  boolean markFinished(String id, JobState state, String errorCode, Instant now);

  /**
   * Records the status message id shown for the job; null ends an unfinished {@link #claimStatus}
   * creation claim so that the next status sends a message.
   */
  void setStatusMessageId(String id, String statusMessageId);

  /**
   * Claims showing a status text: applies only while no status of a higher {@code rank} and not the
   * same text ({@code hash}) was claimed for the job. With {@code createUnlessHeldBefore} set it
   * also claims sending the job's first status message, and applies only while the job has none and
   * no other claim on sending one is younger than that instant; the caller records the sent message
   * with {@link #setStatusMessageId}. Instances sharing a database use it so that a job has one
   * status message and no text is shown twice.
   */
  boolean claimStatus(
      String id, int rank, String hash, Instant now, Instant createUnlessHeldBefore);

  /** Gives a {@link #claimStatus} claim back after the text could not be shown. */
  void releaseStatus(String id, String hash);

  /** The job's status message id as stored now (null when none was recorded yet). */
  Optional<String> statusMessageId(String id);

  /**
   * Records that the outcome was posted (its final status counts as shown, {@link
   * Job#finalStatusAt()}) and ends the job's lease; false when it already was.
   */
  boolean markDelivered(String id, Instant now);

  /**
   * A failed delivery attempt, retried at {@code nextTry}; {@code finalStatusShownAt}, when not
   * null, records that the final status was shown then, so the retry does not show it again.
   */
  void deferDelivery(String id, int attempts, Instant nextTry, Instant finalStatusShownAt);

  /**
   * Takes the job's lease for {@code owner} until {@code until}, unless another instance holds an
   * unexpired one. Returns whether this owner now holds it. Several instances sharing a database
   * use it so that only one submits or delivers a job.
   */
  boolean tryLease(String id, String owner, Instant now, Instant until);

  /**
   * Claims {@code step} of the job for {@code owner} until {@code until}: applies only while the
   * job is in the step's state and no other owner holds an unexpired lease; the job's next try
   * moves to {@code until}, so a claim lost in a crash is offered again once its lease runs out.
   */
  boolean claim(String id, JobStep step, String owner, Instant now, Instant until);

  /**
   * Extends the owner's leases on these jobs (work still in flight) to {@code until}. Only the
   * lease: a step that just ended (and set the job's next try) is never pushed back by a renewal
   * that raced its end; the running stage itself skips its in-flight jobs.
   */
  void renewLeases(String owner, java.util.Collection<String> ids, Instant until);

  /**
   * QUEUED stays QUEUED, recording that a create request is about to be sent: the request as sent
   * (its seed chosen), the provider and the callback token, so that after a crash or a lost answer
   * the task can be looked for instead of created again.
   */
  boolean markSubmitStarted(
      String id,
      String providerName,
      com.seedancebot.core.request.GenerationRequest request,
      String callbackToken,
      Instant now);

  /** The provider answered the create with a refusal: nothing was created, a new try is safe. */
  void clearSubmitStarted(String id);

  /** Gives up the owner's lease on a job once its critical step is done. */
  void releaseLease(String id, String owner);

  /** The job a provider callback token belongs to. */
  Optional<Job> findByCallbackToken(String token);
}
