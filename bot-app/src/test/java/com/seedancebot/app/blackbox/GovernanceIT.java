package com.seedancebot.app.blackbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seedancebot.core.provider.fake.Progression;
import com.seedancebot.core.provider.fake.SampleMedia;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Team governance on the packaged bot, in a Telegram group with a real chat admin (as the fake Bot
 * API reports it): {@code /admin} refused to members, a user blocked by {@code @username}, banned
 * words in full-width Latin and in Chinese, a paused group, and the audit log; the provider
 * receives nothing throughout.
 */
class GovernanceIT {

  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final long GROUP = -1001;
  private static final long ADMIN = 10;
  private static final long BLOCKED = 11;
  private static final long MEMBER = 12;

  @TempDir Path work;

  @Test
  void adminsBlockAndPauseBannedWordsAreRefusedAndTheProviderReceivesNothing() throws Exception {
    try (TelegramArkWorld world =
        TelegramArkWorld.start(
            work,
            SampleMedia.mp4(160, 96, 12, 2),
            Progression.MANUAL,
            bot -> bot.env("BOT_BANNED_WORDS", "gore,*血腥*"))) {
      FakeTelegramBotApi telegram = world.telegram;
      telegram.setMemberStatus(GROUP, ADMIN, "administrator");
      TelegramChats chats = new TelegramChats(telegram);
      Say say =
          (user, lang, text) -> {
            int before = chats.texts(GROUP).size();
            telegram.enqueue(telegram.updates().message(GROUP, user, lang).text(text).update());
            await().atMost(WAIT).until(() -> chats.texts(GROUP).size() > before);
            List<String> texts = chats.texts(GROUP);
            return texts.get(texts.size() - 1);
          };

      assertThat(say.say(MEMBER, "en", "/admin pause"))
          .isEqualTo("Sorry, /admin is for admins of this chat only.");
      say.say(BLOCKED, "en", "/help");
      assertThat(say.say(ADMIN, "en", "/admin block @ada11"))
          .isEqualTo("TELEGRAM:11 is blocked in this chat: nothing they send will start a video.");
      assertThat(say.say(BLOCKED, "en", "/video a red fox"))
          .startsWith("An admin of this chat has blocked you");
      assertThat(say.say(MEMBER, "en", "/video a ＧＯＲＥ fest"))
          .startsWith("I can't start this video: the prompt contains words");
      assertThat(say.say(MEMBER, "zh", "/video 一个血腥的战场")).startsWith("无法开始这个视频：提示词中含有");
      assertThat(say.say(ADMIN, "en", "/admin pause")).startsWith("The bot is paused in this chat");
      assertThat(say.say(MEMBER, "en", "/video a red fox"))
          .startsWith("The bot is paused by an admin in this chat");
      String log = say.say(ADMIN, "en", "/admin log");

      assertThat(log.lines())
          .first()
          .isEqualTo("Admin log, newest first (page 1 of 1, 2 actions):");
      assertThat(log)
          .contains("(TELEGRAM:10) paused TELEGRAM:-1001", "(TELEGRAM:10) blocked TELEGRAM:11");
      assertThat(world.ark.requests("POST", "/contents/generations/tasks")).isEmpty();
    }
  }

  /** Sends a message to the group and returns the bot's answer. */
  @FunctionalInterface
  private interface Say {
    String say(long user, String lang, String text);
  }
}
