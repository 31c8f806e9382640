package com.seedancebot.core.bot;

import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ChatCommand;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.delivery.ChatButton;
import com.seedancebot.core.delivery.ChatDeliveryException;
import com.seedancebot.core.delivery.ChatPorts;
import com.seedancebot.core.delivery.JobTexts;
import com.seedancebot.core.governance.Gatekeeper;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobService;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code /history [page | words]} and its page buttons: the finished videos of this chat, newest
 * first, {@value #PAGE_SIZE} a page — the caller's own, or everyone's for a chat admin (or an
 * operator) — optionally only those whose prompt contains every given word. Each listed job gets a
 * Show button (its card, {@link ShowCommand}); Previous / Next buttons turn the pages. Looks at the
 * newest {@value #SCANNED} finished jobs of the chat. Thread-safe; blocks on the database and the
 * chat surface.
 */
public final class HistoryCommand {

  static final int PAGE_SIZE = 5;
  static final int SCANNED = 500;

  private final JobService jobs;
  private final JobTexts texts;
  private final ChatPorts ports;
  private final JobVisibility visibility;
  private final Replies replies;
  private final Clock clock;

  public HistoryCommand(
      JobService jobs,
      JobTexts texts,
      ChatPorts ports,
      Gatekeeper gate,
      Replies replies,
      Clock clock) {
    this.jobs = jobs;
    this.texts = texts;
    this.ports = ports;
    this.visibility = new JobVisibility(gate);
    this.replies = replies;
    this.clock = clock;
  }

  /** Sends the page; returns a text to reply with instead, or null when the page went out. */
  public String run(UserRef user, ChatRef chat, String messageId, ChatCommand.History h) {
    Locale l = user.locale();
    boolean everyone = visibility.seesWholeChat(user, chat);
    List<Job> found =
        jobs.finishedIn(chat, everyone ? null : user, SCANNED).stream()
            .filter(j -> matches(j, h.words()))
            .toList();
    if (found.isEmpty()) {
      return replies.text(
          l, h.words().isEmpty() ? "history.none" : "history.none_matching", h.words());
    }
    int pages = (found.size() + PAGE_SIZE - 1) / PAGE_SIZE;
    int page = Math.min(h.page(), pages);
    List<Job> shown =
        found.subList((page - 1) * PAGE_SIZE, Math.min(found.size(), page * PAGE_SIZE));
    StringBuilder text =
        new StringBuilder(
            replies.text(l, everyone ? "history.header.all" : "history.header", page, pages));
    List<ChatButton> buttons = new ArrayList<>();
    for (Job job : shown) {
      text.append('\n').append(texts.historyLine(job, everyone, l, clock.instant()));
      buttons.add(
          new ChatButton(
              ButtonAction.SHOW, job.id(), replies.text(l, "history.button.show", job.id())));
    }
    if (page > 1) {
      buttons.add(pageButton(page - 1, h.words(), replies.text(l, "history.button.previous")));
    }
    if (page < pages) {
      buttons.add(pageButton(page + 1, h.words(), replies.text(l, "history.button.next")));
    }
    var port = ports.forPlatform(chat.platform());
    if (port.isEmpty()) {
      return text.toString();
    }
    try {
      port.get().sendText(chat, messageId, text.toString(), buttons);
      return null;
    } catch (ChatDeliveryException e) {
      return text.toString();
    }
  }

  /**
   * The command a page button stands for: its target is {@code <page>} or {@code <page> <words>}.
   */
  public static ChatCommand.History fromButton(String target) {
    String[] parts = target.strip().split(" ", 2);
    int page = parts[0].matches("\\d{1,6}") ? Integer.parseInt(parts[0]) : 1;
    return new ChatCommand.History(page, parts.length > 1 ? parts[1] : "");
  }

  private static ChatButton pageButton(int page, String words, String label) {
    return new ChatButton(
        ButtonAction.PAGE, words.isEmpty() ? page + "" : page + " " + words, label);
  }

  private static boolean matches(Job job, String words) {
    if (words.isEmpty()) {
      return true;
    }
    String prompt = job.request().prompt().toLowerCase(Locale.ROOT);
    return Arrays.stream(words.toLowerCase(Locale.ROOT).split("\\s+")).allMatch(prompt::contains);
  }
}
