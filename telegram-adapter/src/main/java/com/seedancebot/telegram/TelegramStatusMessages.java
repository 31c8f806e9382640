package com.seedancebot.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.seedancebot.core.delivery.JobStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;

/**
 * A job's one status message: sent once, then edited, with a Cancel button while the job can be
 * cancelled. Edits go through an {@link EditThrottle}: an edit over budget is kept as the message's
 * pending text, a newer one replaces it (intermediate states are dropped), and {@link #flushDue()}
 * sends it once the budget allows, so the final state always arrives. Edits of one message are
 * serialised, and an edit to what the message already shows (its text and button, as last sent or
 * edited here) is dropped unsent: "message is not modified" would be Telegram's only answer, and
 * counts as success should it come anyway. Thread-safe; blocking.
 */
public final class TelegramStatusMessages {
  private static final Logger log = LoggerFactory.getLogger(TelegramStatusMessages.class);

  private final TelegramApi api;
  private final EditThrottle throttle;
  private final TelegramSendBudget budget;
  private final TelegramKeyboards keyboards;
  private final UserLanguages languages;
  private final Clock clock;
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();
  private final Cache<String, String> shown =
      Caffeine.newBuilder().maximumSize(50_000).expireAfterAccess(Duration.ofHours(6)).build();

  public TelegramStatusMessages(
      TelegramApi api,
      EditThrottle throttle,
      TelegramSendBudget budget,
      TelegramKeyboards keyboards,
      UserLanguages languages,
      Clock clock) {
    this.api = Objects.requireNonNull(api, "api");
    this.throttle = Objects.requireNonNull(throttle, "throttle");
    this.budget = Objects.requireNonNull(budget, "budget");
    this.keyboards = Objects.requireNonNull(keyboards, "keyboards");
    this.languages = Objects.requireNonNull(languages, "languages");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Sends or edits (now or later) the status message; returns its id. */
  public String show(JobStatus status) {
    if (status.statusMessageId() == null) {
      return send(status);
    }
    String key = key(status);
    while (true) {
      Slot slot = slots.computeIfAbsent(key, k -> new Slot());
      synchronized (slot) {
        if (slots.get(key) != slot) {
          continue; // retired by another thread meanwhile: use the current one
        }
        if (slot.pending == null || !slot.pending.outcome() || status.outcome()) {
          slot.pending = status; // an outcome waiting for budget is never replaced by progress
        }
        publishIfAllowed(key, slot, true);
      }
      return status.statusMessageId();
    }
  }

  /** Sends every pending edit the budget now allows. */
  public void flushDue() {
    for (Map.Entry<String, Slot> entry : new ArrayList<>(slots.entrySet())) {
      Slot slot = entry.getValue();
      synchronized (slot) {
        if (slot.pending != null && slots.get(entry.getKey()) == slot) {
          publishIfAllowed(entry.getKey(), slot, false);
        }
      }
    }
  }

  /** Edits waiting for budget (for tests and metrics). */
  public int pendingEdits() {
    return (int) slots.values().stream().filter(s -> s.pending != null).count();
  }

  private String send(JobStatus status) {
    String chatId = status.chat().chatId();
    budget.acquire(chatId);
    Message sent =
        api.call(
            "sendMessage",
            c ->
                c.execute(
                    SendMessage.builder()
                        .chatId(chatId)
                        .messageThreadId(TelegramReplies.thread(status.chat()))
                        .replyParameters(TelegramReplies.replyTo(status.requestMessageId()))
                        .text(TelegramReplies.fitText(status.text()))
                        .replyMarkup(status.cancellable() ? cancelButton(status) : null)
                        .build()));
    String id = Integer.toString(sent.getMessageId());
    throttle.sent(chatId, id);
    shown.put(chatId + "/" + id, look(status));
    return id;
  }

  /**
   * Called with the slot's lock held. A slot with nothing pending is retired, so only messages with
   * an edit waiting are remembered. Throws only when {@code propagate} is set.
   */
  private void publishIfAllowed(String key, Slot slot, boolean propagate) {
    JobStatus status = slot.pending;
    String chatId = status.chat().chatId();
    String messageId = status.statusMessageId();
    if (look(status).equals(shown.getIfPresent(key))) {
      slot.pending = null; // the message shows exactly this already
      slots.remove(key, slot);
      return;
    }
    if (!throttle.tryAcquire(chatId, messageId)) {
      return;
    }
    slot.pending = null;
    try {
      edit(status);
      shown.put(key, look(status));
      slots.remove(key, slot);
    } catch (TelegramCallException e) {
      if (e.retryable()) {
        slot.pending = status;
        if (e.retryAfter() != null) {
          throttle.holdUntil(chatId, messageId, clock.instant().plus(e.retryAfter()));
        }
        log.info("Status edit deferred: {}", e.getMessage());
        return;
      }
      slots.remove(key, slot);
      shown.invalidate(key);
      if (propagate) {
        throw e;
      }
      if (status.outcomeWithoutVideo()) {
        sendOutcomeAnew(status, e);
        return;
      }
      log.warn("Status edit dropped: {}", e.getMessage());
    }
  }

  /**
   * A deferred outcome edit refused for good (the message was deleted, or is too old to edit): the
   * core counted it shown when it was deferred, so it is told here in a new message, as the core
   * does for an edit refused at once.
   */
  private void sendOutcomeAnew(JobStatus status, TelegramCallException refused) {
    log.info("Outcome edit refused ({}); sending the outcome anew", refused.getMessage());
    try {
      send(status.asNewMessage());
    } catch (RuntimeException e) {
      log.warn("Outcome of job {} could not be shown at all: {}", status.jobId(), e.getMessage());
    }
  }

  private void edit(JobStatus status) {
    try {
      api.call(
          "editMessageText",
          c ->
              c.execute(
                  EditMessageText.builder()
                      .chatId(status.chat().chatId())
                      .messageId(Integer.parseInt(status.statusMessageId()))
                      .text(TelegramReplies.fitText(status.text()))
                      .replyMarkup(status.cancellable() ? cancelButton(status) : null)
                      .build()));
    } catch (TelegramCallException e) {
      if (!e.messageNotModified()) {
        throw e;
      }
    }
  }

  private org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup
      cancelButton(JobStatus status) {
    return keyboards.cancel(
        status.jobId(),
        status.locale() != null
            ? status.locale()
            : languages.of(status.ownerUserId(), status.text()));
  }

  /** What the message looks like: its text as sent, and whether it carries the Cancel button. */
  private static String look(JobStatus status) {
    return status.cancellable() + "|" + TelegramReplies.fitText(status.text());
  }

  private static String key(JobStatus status) {
    return status.chat().chatId() + "/" + status.statusMessageId();
  }

  private static final class Slot {
    JobStatus pending;
  }
}
