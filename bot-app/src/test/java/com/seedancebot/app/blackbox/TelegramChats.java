package com.seedancebot.app.blackbox;

import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import com.seedancebot.telegram.fake.FakeTelegramBotApi.CompletedCall;
import com.seedancebot.telegram.fake.RecordedCall;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Private chats on the fake Bot API server, read as their users read them: only what Telegram
 * really shows counts (calls the fake handled successfully), so a failed or abandoned attempt is
 * not a message. One user per chat (user id = chat id). Thread-safe as the fake is.
 */
final class TelegramChats {

  private static final Pattern JOB = Pattern.compile("Job ([a-z0-9]{6})");
  private static final Pattern QUOTA =
      Pattern.compile("You: (\\d+) of (\\d+) videos left, (\\d+) of (\\d+) s left");

  private final FakeTelegramBotApi telegram;

  TelegramChats(FakeTelegramBotApi telegram) {
    this.telegram = telegram;
  }

  /** The user of {@code chat} sends {@code text} (a command). */
  void say(long chat, String text) {
    telegram.enqueue(telegram.updates().message(chat, chat, "en").text(text).update());
  }

  /** The videos the chat shows, in the order they were posted. */
  List<CompletedCall> videos(long chat) {
    return telegram.completedCalls("sendVideo").stream().filter(c -> in(chat, c.call())).toList();
  }

  /** How many uploads the bot started to this chat (completed, failed or abandoned). */
  long uploadAttempts(long chat) {
    return telegram.calls("sendVideo").stream().filter(c -> in(chat, c)).count();
  }

  /** Every text the chat shows, sent or edited in, in the order they were handled. */
  List<String> texts(long chat) {
    return Stream.concat(
            telegram.completedCalls("sendMessage").stream(),
            telegram.completedCalls("editMessageText").stream())
        .filter(c -> in(chat, c.call()))
        .sorted((a, b) -> a.at().compareTo(b.at()))
        .map(c -> c.call().field("text"))
        .toList();
  }

  /** The job the chat's first status message names. */
  Optional<String> jobId(long chat) {
    for (String text : texts(chat)) {
      Matcher m = JOB.matcher(text);
      if (m.find()) {
        return Optional.of(m.group(1));
      }
    }
    return Optional.empty();
  }

  /** Texts announcing the job's end: done, failed or expired (each showing counted once). */
  List<String> finalTexts(long chat, String jobId) {
    return texts(chat).stream()
        .filter(
            t ->
                t.startsWith("\u2705 Job " + jobId + " is done")
                    || t.startsWith("\u274c Job " + jobId + " failed")
                    || t.startsWith("\u231b Job " + jobId + " expired"))
        .toList();
  }

  /** Texts saying the job failed or expired. */
  List<String> failureTexts(long chat, String jobId) {
    return finalTexts(chat, jobId).stream().filter(t -> !t.startsWith("\u2705")).toList();
  }

  /** Whether the user has seen the job end: its video, or a message that it failed. */
  boolean ended(long chat) {
    return !videos(chat).isEmpty()
        || jobId(chat).map(id -> !failureTexts(chat, id).isEmpty()).orElse(false);
  }

  /** The {@code /quota} answers the chat shows. */
  List<String> quotaAnswers(long chat) {
    return texts(chat).stream().filter(t -> t.startsWith("Quota over the last 24 hours:")).toList();
  }

  /** From a {@code /quota} answer: the user's videos left, video limit, seconds left, limit. */
  static int[] userQuota(String answer) {
    Matcher m = QUOTA.matcher(answer);
    if (!m.find()) {
      throw new AssertionError("no user line in the /quota answer: " + answer);
    }
    return new int[] {
      Integer.parseInt(m.group(1)),
      Integer.parseInt(m.group(2)),
      Integer.parseInt(m.group(3)),
      Integer.parseInt(m.group(4))
    };
  }

  /** A one-line account of the chat for failure messages. */
  String describe(long chat) {
    return "chat "
        + chat
        + ": "
        + videos(chat).size()
        + " video(s), "
        + uploadAttempts(chat)
        + " upload attempt(s), texts "
        + texts(chat);
  }

  private static boolean in(long chat, RecordedCall call) {
    return Long.toString(chat).equals(call.field("chat_id"));
  }
}
