package com.seedancebot.app.blackbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seedancebot.core.provider.fake.Progression;
import com.seedancebot.core.provider.fake.SampleMedia;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import com.seedancebot.telegram.fake.Updates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * Quota tiers and money budgets on the packaged bot, configured by environment variables only, in a
 * Telegram group against the fake Ark: a user in a tier of 2 videos a day gets exactly 2 and is
 * told why the third is refused; with prices configured a money budget stops the job that would
 * exceed it, a failed job gives its money back (as {@code /quota} shows) and the next job fits
 * again; an admin's {@code /admin quota}, naming a user by replying to their message, shows in
 * {@code /admin log}.
 */
class QuotaTiersIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final Duration OUTCOME_WAIT = Duration.ofMinutes(3);
  private static final long GROUP = -1002;
  private static final long ADMIN = 10;
  private static final long TRIAL = 21;
  private static final long PAID = 22;
  private static final long NEWCOMER = 23;
  private static final String PRICES =
      "{\"seedance\":{\"prices\":{\"currency\":\"CNY\",\"models\":{\"doubao-seedance-2-0-260128\":"
          + "{\"per-million-tokens\":46}}}}}";

  @TempDir(cleanup = CleanupMode.ON_SUCCESS) // the bot's log stays for a failure
  Path work;

  @Test
  void tiersAndMoneyBudgetsLimitJobsAndAdminsChangeThemOnTheRecord() throws Exception {
    try (TelegramArkWorld world =
        TelegramArkWorld.start(
            work,
            SampleMedia.mp4(160, 96, 12, 2),
            Progression.MANUAL,
            bot ->
                bot.env("SPRING_APPLICATION_JSON", PRICES)
                    .env("BOT_QUOTA_TIERS_TRIAL_JOBSPERDAY", "2")
                    .env("BOT_QUOTA_TIERS_TRIAL_USERS", "telegram:" + TRIAL)
                    .env("BOT_QUOTA_TIERS_PAID_MONEYPERDAY", "11")
                    .env("BOT_QUOTA_TIERS_PAID_USERS", "telegram:" + PAID))) {
      FakeTelegramBotApi telegram = world.telegram;
      telegram.setMemberStatus(GROUP, ADMIN, "administrator");
      TelegramChats chats = new TelegramChats(telegram);
      Group group = new Group(telegram, chats);

      group.say(TRIAL, "/video one", "⏳");
      group.say(TRIAL, "/video two", "⏳");
      assertThat(group.say(TRIAL, "/video three", "You have used"))
          .isEqualTo(
              "You have used 2 of your 2 videos per 24 hours. You can start the next one in 24 h"
                  + " 0 min.");

      // the trial user's tasks are created after their status messages: wait for them, so that
      // the next task created, the one that fails, is the paid user's
      await().atMost(WAIT).until(() -> world.ark.createdTasks().size() == 2);
      world.ark.failNextTask("OutputVideoSensitiveContentDetected", "refused");
      group.say(PAID, "/video a first try", "⏳");
      await().atMost(WAIT).until(() -> world.ark.createdTasks().size() == 3);
      group.say(PAID, "/video a second try", "⏳");
      assertThat(group.say(PAID, "/video a third try", "Your allowance"))
          .isEqualTo(
              "Your allowance of 11.00 CNY per 24 hours has 0.98 CNY left, but this video needs"
                  + " 5.01 CNY. Enough frees up in 24 h 0 min, or choose a shorter video.");
      String failedTask = world.ark.createdTasks().get(2).id();
      world.ark.advance(failedTask);
      world.ark.advance(failedTask);
      // the outcome is an edit in a group whose Telegram budget (20 messages a minute) the
      // commands above may have spent: it can wait for the next minute's budget
      try {
        await()
            .atMost(OUTCOME_WAIT)
            .until(() -> group.texts().stream().anyMatch(t -> t.contains("failed")));
      } catch (org.awaitility.core.ConditionTimeoutException e) {
        throw new AssertionError(
            "the failed job's outcome never showed; the group shows "
                + group.texts()
                + "\nTelegram calls: "
                + telegram.calls().stream()
                    .filter(c -> !c.method().equals("getupdates"))
                    .map(c -> c.method() + " " + c.field("chat_id") + " " + c.field("message_id"))
                    .toList()
                + "\nbot log (in "
                + work
                + "):\n"
                + world.bot.tail(),
            e);
      }
      assertThat(group.say(PAID, "/quota", "Quota"))
          .contains(
              "You: videos unlimited (1 used), seconds unlimited (5 s used), 5.99 CNY of"
                  + " 11.00 CNY left");
      group.say(PAID, "/video a third try again", "⏳");

      Updates.Msg newcomerSays = telegram.updates().message(GROUP, NEWCOMER, "en").text("hello");
      telegram.enqueue(newcomerSays.update());
      assertThat(
              group.send(
                  telegram
                      .updates()
                      .message(GROUP, ADMIN, "en")
                      .text("/admin quota trial")
                      .replyTo(newcomerSays),
                  "The quota"))
          .isEqualTo("The quota of TELEGRAM:23 here is now the tier trial.");
      assertThat(group.say(ADMIN, "/admin log", "Admin log"))
          .contains("(TELEGRAM:10) set the quota of TELEGRAM:23: tier trial");
      // the last job waits in the bot's queue: the provider's 3 task slots are taken
      await()
          .atMost(WAIT)
          .until(() -> world.ark.requests("POST", "/contents/generations/tasks").size() == 4);
    }
  }

  /** The group as its members see it: what they send and the bot's answers. */
  private record Group(FakeTelegramBotApi telegram, TelegramChats chats) {

    List<String> texts() {
      return chats.texts(GROUP);
    }

    /**
     * {@code user} sends {@code text}; returns the first new answer starting with {@code start}.
     */
    String say(long user, String text, String start) {
      return send(telegram.updates().message(GROUP, user, "en").text(text), start);
    }

    String send(Updates.Msg message, String start) {
      int before = texts().size();
      telegram.enqueue(message.update());
      return await()
          .atMost(WAIT)
          .until(
              () -> {
                List<String> texts = texts();
                return texts.subList(before, texts.size()).stream()
                    .filter(t -> t.startsWith(start))
                    .findFirst();
              },
              Optional::isPresent)
          .orElseThrow();
    }
  }
}
