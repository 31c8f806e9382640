package com.seedancebot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class HelpTextTest {

  private final HelpText help = new HelpText(new Messages());

  @Test
  void englishTelegramHelpExplainsEveryWayToMakeAVideo() {
    String text = help.render(Locale.ENGLISH, Platform.TELEGRAM);

    assertThat(text)
        .startsWith(
            "Seedance video bot: describe a scene and get a short video back.\n\nMake a video\n")
        .contains("/video a red fox runs through fresh snow at sunrise\n")
        .contains("/video a neon city at night, rain --ratio 9:16 --duration 8\n")
        .contains("• A photo with the caption /video <prompt>: the photo is the first frame.")
        .contains("• An album of two photos: the first and the last frame.")
        .contains("• Add --ref, or send more than two images: they become reference images")
        .contains("• Video and audio files: a reference video and reference sound.")
        .contains("• Reply /video <prompt> to a message with media to use that media.")
        .contains("--duration 8 : seconds; -1 lets the model choose")
        .contains("--audio / --no-audio : sound on or off")
        .contains("--asset <id>")
        .contains("/cancel <job> : cancel a job that has not started yet")
        .contains("/quota", "/models", "/jobs", "/settings --ratio 9:16 --res 720p")
        .contains("• Reply /video <what to change> to a video to edit it.")
        .contains("• Reply /video --extend <how it goes on> to a video to extend it.")
        .endsWith(
            "Buttons\nReroll: same request, new seed. Continue: the last frame starts a new"
                + " video. Final: a draft in full. Edit, Extend: change the video or make it go on."
                + " Cancel: stop a job not yet started.");
  }

  @Test
  void everyOptionOfTheGrammarIsExplained() {
    String text = help.render(Locale.ENGLISH, Platform.TELEGRAM);

    assertThat(text)
        .contains(
            Arrays.stream(VideoOption.values()).map(VideoOption::display).toArray(String[]::new));
  }

  @Test
  void discordHelpUsesTypedOptionsAndAttachments() {
    String text = help.render(Locale.ENGLISH, Platform.DISCORD);

    assertThat(text)
        .contains("/video prompt: a neon city at night, rain ratio: 9:16 duration: 8")
        .contains("• Attach two images: the first and the last frame.")
        .contains("duration: seconds; -1 lets the model choose")
        .doesNotContain("caption", "album", "--ratio");
  }

  @Test
  void playgroundHelpTalksAboutAttachingFiles() {
    assertThat(help.render(Locale.ENGLISH, Platform.PLAYGROUND))
        .contains("• Attach one image: it is the first frame; two images: the first and the last")
        .doesNotContain("caption", "album");
  }

  @Test
  void chineseHelp() {
    String text = help.render(Locale.SIMPLIFIED_CHINESE, Platform.TELEGRAM);

    assertThat(text)
        .startsWith("Seedance 视频机器人：描述一个画面，就能得到一段短视频。\n\n生成视频\n")
        .contains("/video 日出时一只红狐狸在雪地里奔跑")
        .contains("• 发送两张图片的相册：首帧和尾帧。")
        .contains("--duration 8：秒数；-1 表示由模型决定")
        .contains("/cancel <任务>：取消尚未开始的任务")
        .contains("重新生成：相同请求，新的种子。");
  }

  @ParameterizedTest
  @EnumSource(Platform.class)
  void fitsInOneDiscordMessageAndHasNoMarkdown(Platform platform) {
    for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.CHINESE}) {
      String text = help.render(locale, platform);

      assertThat(text.length()).as("%s %s", platform, locale).isLessThanOrEqualTo(2000);
      assertThat(text).doesNotContain("**", "__", "`", "](", "help.");
      assertThat(text.lines()).noneMatch(line -> line.startsWith(">") || line.startsWith("#"));
    }
  }

  @ParameterizedTest
  @EnumSource(
      value = Platform.class,
      names = {"TELEGRAM", "PLAYGROUND"})
  void everyVideoExampleIsAValidCommand(Platform platform) {
    CommandParser parser = new CommandParser("SeedanceBot");
    for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.CHINESE}) {
      assertThat(help.render(locale, platform).lines().filter(l -> l.startsWith("/video ")))
          .isNotEmpty()
          .allSatisfy(
              line -> assertThat(parser.parse(line)).isInstanceOf(ParseResult.Parsed.class));
    }
  }

  @Test
  void englishAndChineseHaveTheSameKeys() throws IOException {
    Properties en = load("i18n/help_en.properties");
    Properties zh = load("i18n/help_zh.properties");

    assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
  }

  private static Properties load(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = HelpTextTest.class.getClassLoader().getResourceAsStream(resource)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }
}
