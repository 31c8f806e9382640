package com.seedancebot.core.quota;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.quota.QuotaDecision.Denied;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QuotaTextFormatterTest {

  private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
  private final QuotaTextFormatter texts = new QuotaTextFormatter(new Messages());

  @Test
  void aChatOutOfSecondsIsToldWhatIsLeftAndWhen() {
    Denied denied =
        new Denied(
            "j", QuotaScope.CHAT, QuotaUnit.SECONDS, 120, 110, 15, NOW.plusSeconds(3 * 60 + 1));

    assertThat(texts.denial(Locale.ENGLISH, denied, NOW))
        .isEqualTo(
            "This video needs 15 s, but only 10 s of this chat's 120 s per 24 hours are left."
                + " Enough frees up in 4 min, or choose a shorter duration.");
    assertThat(texts.denial(Locale.CHINESE, denied, NOW))
        .isEqualTo("这个视频需要 15 秒，但本聊天每 24 小时 120 秒的额度只剩 10 秒。4 分钟后会释放足够的额度，或者选择更短的时长。");
  }

  @Test
  void theBotWideCapIsNamedAsSuch() {
    Denied denied =
        new Denied("j", QuotaScope.GLOBAL, QuotaUnit.JOBS, 500, 500, 1, NOW.plusSeconds(7200));

    assertThat(texts.denial(Locale.ENGLISH, denied, NOW))
        .isEqualTo(
            "The bot has made 500 of its 500 videos per 24 hours for everyone. The next one can"
                + " start in 2 h 0 min.");
  }

  @Test
  void waitsAreRoundedUpToWholeMinutesAndNeverZero() {
    assertThat(texts.wait(Locale.ENGLISH, NOW, NOW)).isEqualTo("1 min");
    assertThat(texts.wait(Locale.ENGLISH, NOW.plusSeconds(59 * 60 + 1), NOW))
        .isEqualTo("1 h 0 min");
    assertThat(texts.wait(Locale.CHINESE, NOW.plus(Duration.ofMinutes(125)), NOW))
        .isEqualTo("2 小时 5 分钟");
  }

  @Test
  void theQuotaCommandShowsTheBotWideLineOnlyWhenItIsLimited() {
    QuotaSnapshot.Scope user =
        new QuotaSnapshot.Scope(
            QuotaScope.USER, new QuotaAllowance(0, 0), new QuotaAllowance(0, 0), null);
    QuotaSnapshot.Scope chat =
        new QuotaSnapshot.Scope(
            QuotaScope.CHAT, new QuotaAllowance(10, 0), new QuotaAllowance(300, 0), null);
    QuotaSnapshot.Scope global =
        new QuotaSnapshot.Scope(
            QuotaScope.GLOBAL,
            new QuotaAllowance(0, 7),
            new QuotaAllowance(1000, 70),
            NOW.plus(Duration.ofHours(20)));

    assertThat(texts.snapshot(Locale.CHINESE, new QuotaSnapshot(user, chat, global), NOW))
        .isEqualTo(
            "最近 24 小时的额度：\n"
                + "你：不限\n"
                + "本聊天：视频剩余 10/10 个，时长剩余 300/300 秒\n"
                + "机器人（所有人）：视频不限（已用 7 个），时长剩余 930/1,000 秒；最早的一次使用将在 20 小时 0 分钟后释放");
    QuotaSnapshot.Scope noGlobal =
        new QuotaSnapshot.Scope(
            QuotaScope.GLOBAL, new QuotaAllowance(0, 7), new QuotaAllowance(0, 70), null);
    assertThat(texts.snapshot(Locale.ENGLISH, new QuotaSnapshot(user, chat, noGlobal), NOW))
        .isEqualTo(
            "Quota over the last 24 hours:\n"
                + "You: no limit\n"
                + "This chat: 10 of 10 videos left, 300 of 300 s left");
  }

  @Test
  void everyQuotaTextExistsInEnglishAndChinese() throws IOException {
    assertThat(quotaKeys("core_zh")).isEqualTo(quotaKeys("core_en")).isNotEmpty();
  }

  private static Set<String> quotaKeys(String bundle) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        QuotaTextFormatterTest.class.getResourceAsStream("/i18n/" + bundle + ".properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties.stringPropertyNames().stream()
        .filter(key -> key.startsWith("quota."))
        .collect(Collectors.toSet());
  }
}
