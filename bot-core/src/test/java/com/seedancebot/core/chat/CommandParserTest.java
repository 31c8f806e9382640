package com.seedancebot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.seedancebot.core.request.ValidationProblem;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

  private final CommandParser parser = new CommandParser("SeedanceBot");
  private final Messages messages = new Messages();

  private ChatCommand parsed(String text) {
    ParseResult result = parser.parse(text);
    assertThat(result).as(text).isInstanceOf(ParseResult.Parsed.class);
    return ((ParseResult.Parsed) result).command();
  }

  private ChatCommand.Video video(String text) {
    return (ChatCommand.Video) parsed(text);
  }

  private VideoOptions options(String text) {
    return video(text).options();
  }

  private List<String> problems(String text) {
    return problems(text, Locale.ENGLISH);
  }

  private List<String> problems(String text, Locale locale) {
    ParseResult result = parser.parse(text);
    assertThat(result).as(text).isInstanceOf(ParseResult.Malformed.class);
    return ((ParseResult.Malformed) result)
        .problems().stream()
            .map(p -> messages.get(locale, "problem." + p.code(), p.args().toArray()))
            .toList();
  }

  @Nested
  class Commands {

    @Test
    void videoWithPrompt() {
      assertThat(parsed("/video a red fox in the snow"))
          .isEqualTo(new ChatCommand.Video("a red fox in the snow", VideoOptions.none()));
    }

    @Test
    void videoWithoutPromptIsLeftToTheValidator() {
      // with a photo attached, a prompt is optional: whether one is needed depends on the model
      assertThat(video("/video")).isEqualTo(new ChatCommand.Video("", VideoOptions.none()));
    }

    @Test
    void commandsWithoutArguments() {
      assertThat(parsed("/jobs")).isEqualTo(new ChatCommand.Jobs());
      assertThat(parsed("/quota")).isEqualTo(new ChatCommand.Quota());
      assertThat(parsed("/models")).isEqualTo(new ChatCommand.Models());
      assertThat(parsed("/help")).isEqualTo(new ChatCommand.Help());
      assertThat(parsed("/settings")).isEqualTo(new ChatCommand.Settings(VideoOptions.none()));
    }

    @Test
    void telegramStartShowsTheHelpWhateverItsPayload() {
      assertThat(parsed("/start")).isEqualTo(new ChatCommand.Help());
      assertThat(parsed("/start ref-campaign-7")).isEqualTo(new ChatCommand.Help());
    }

    @Test
    void extraWordsAfterCommandsWithoutArgumentsAreIgnored() {
      assertThat(parsed("/jobs please")).isEqualTo(new ChatCommand.Jobs());
      assertThat(parsed("/help me")).isEqualTo(new ChatCommand.Help());
    }

    @Test
    void cancelTakesTheJobId() {
      assertThat(parsed("/cancel J7K2")).isEqualTo(new ChatCommand.Cancel("J7K2"));
      assertThat(parsed("/cancel #J7K2")).isEqualTo(new ChatCommand.Cancel("J7K2"));
      assertThat(parsed("/cancel \"J7K2\"")).isEqualTo(new ChatCommand.Cancel("J7K2"));
    }

    @Test
    void commandNamesAreCaseInsensitive() {
      assertThat(parsed("/VIDEO A cat")).isEqualTo(new ChatCommand.Video("A cat", null));
      assertThat(parsed("/Jobs")).isEqualTo(new ChatCommand.Jobs());
    }

    @Test
    void surroundingWhitespaceAndFullWidthSlashAreAccepted() {
      assertThat(parsed("  \n/jobs  ")).isEqualTo(new ChatCommand.Jobs());
      assertThat(parsed("／jobs")).isEqualTo(new ChatCommand.Jobs());
    }

    @Test
    void chineseTextMayFollowTheCommandWithoutASpace() {
      assertThat(video("/video一只猫在睡觉").prompt()).isEqualTo("一只猫在睡觉");
    }
  }

  @Nested
  class Addressing {

    @Test
    void aCommandAddressedToThisBotIsParsed() {
      assertThat(video("/video@SeedanceBot a cat").prompt()).isEqualTo("a cat");
      assertThat(parsed("/jobs@seedancebot")).isEqualTo(new ChatCommand.Jobs());
    }

    @Test
    void aCommandAddressedToAnotherBotIsNotOurs() {
      assertThat(parser.parse("/video@OtherBot a cat")).isInstanceOf(ParseResult.NotACommand.class);
      assertThat(parser.parse("/imagine@OtherBot a cat"))
          .isInstanceOf(ParseResult.NotACommand.class);
    }

    @Test
    void withoutAKnownUsernameEveryAddresseeIsAccepted() {
      CommandParser anonymous = new CommandParser(null);

      assertThat(anonymous.parse("/video@AnyBot a cat"))
          .isEqualTo(new ParseResult.Parsed(new ChatCommand.Video("a cat", null)));
    }

    @Test
    void theUsernameMayBeGivenWithItsAt() {
      CommandParser withAt = new CommandParser("@SeedanceBot");

      assertThat(withAt.parse("/jobs@SeedanceBot"))
          .isEqualTo(new ParseResult.Parsed(new ChatCommand.Jobs()));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
        strings = {
          "hello bot",
          "a /video in the middle",
          "/usr/bin/env is a path",
          "/video: a cat",
          "/",
          "/ video a cat",
          "https://example.com/video"
        })
    void textThatIsNotACommandIsIgnored(String text) {
      assertThat(parser.parse(text)).isInstanceOf(ParseResult.NotACommand.class);
    }

    @Test
    void anUnknownCommandGetsAPointerToHelp() {
      ParseResult result = parser.parse("/Imagine a cat");

      assertThat(problems("/Imagine a cat"))
          .containsExactly(
              "Unknown command /imagine. I understand /video, /story, /jobs, /show, /history,"
                  + " /cancel, /quota, /models, /settings and /help.");
      assertThat(CommandParser.isUnknownCommand(result)).isTrue();
      assertThat(CommandParser.isUnknownCommand(parser.parse("/cancel"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/vidoe a cat", "/vid a cat", "/Viedo a cat"})
    void anUnknownCommandCloseToAKnownOneCarriesItAsASuggestion(String text) {
      ParseResult result = parser.parse(text);

      assertThat(CommandParser.isUnknownCommand(result)).isTrue();
      assertThat(((ParseResult.Malformed) result).problems().get(0).args().get(1))
          .isEqualTo("/video");
    }

    @Test
    void problemsNameTheCommandTheyAreAbout() {
      assertThat(((ParseResult.Malformed) parser.parse("/settings --seed 4")).command())
          .isEqualTo("settings");
      assertThat(((ParseResult.Malformed) parser.parse("/CANCEL")).command()).isEqualTo("cancel");
      assertThat(((ParseResult.Malformed) parser.parse("/imagine")).command()).isEqualTo("imagine");
      assertThat(((ParseResult.Malformed) parser.parse("/imagine")).problems().get(0).args())
          .containsExactly("/imagine");
    }
  }

  @Nested
  class Options {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "--duration 8",
          "--duration=8",
          "--duration 8s",
          "--duration 8sec",
          "--duration 8秒",
          "--duration ８",
          "--Duration 8",
          "--dur 8",
          "—duration 8",
          "——duration 8",
          "–duration 8",
          "－－duration 8",
          "-duration 8"
        })
    void durationSpellings(String option) {
      assertThat(options("/video a cat " + option).duration()).as(option).isEqualTo(8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"--duration -1", "--duration auto", "--duration=-1"})
    void durationAutoIsMinusOne(String option) {
      assertThat(options("/video a cat " + option).duration()).isEqualTo(-1);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "--ratio 9:16",
          "--ratio=9:16",
          "--ar 9:16",
          "--aspect-ratio 9:16",
          "--ratio 9x16",
          "--ratio 9：16",
          "—ratio 9:16"
        })
    void ratioSpellings(String option) {
      assertThat(options("/video a cat " + option).ratio()).isEqualTo("9:16");
    }

    @Test
    void ratioWordsAreLowerCasedAndLeftToTheValidator() {
      assertThat(options("/video a cat --ratio Adaptive").ratio()).isEqualTo("adaptive");
      assertThat(options("/video a cat --ratio 5:4").ratio()).isEqualTo("5:4");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "--res 720p",
          "--res=720p",
          "--resolution 720p",
          "--res 720P",
          "--res 720",
          "—res 720p"
        })
    void resolutionSpellings(String option) {
      assertThat(options("/video a cat " + option).resolution()).isEqualTo("720p");
    }

    @Test
    void sentencePunctuationAfterAValueIsNotPartOfIt() {
      VideoOptions options = options("/video 一只猫 --ratio 9:16， --duration 8。 --res 720p.");

      assertThat(options.ratio()).isEqualTo("9:16");
      assertThat(options.duration()).isEqualTo(8);
      assertThat(options.resolution()).isEqualTo("720p");
    }

    @Test
    void modelIsKeptAsTyped() {
      assertThat(options("/video a cat --model fast").model()).isEqualTo("fast");
      assertThat(options("/video a cat --model \"2.0 fast\"").model()).isEqualTo("2.0 fast");
    }

    @ParameterizedTest
    @ValueSource(strings = {"--audio", "--sound", "—audio", "--AUDIO"})
    void audioOn(String option) {
      assertThat(options("/video a cat " + option).audio()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--no-audio", "--no_audio", "--noaudio", "—no-audio", "--mute"})
    void audioOff(String option) {
      assertThat(options("/video a cat " + option).audio()).isFalse();
    }

    @Test
    void audioNotGivenIsNull() {
      assertThat(options("/video a cat").audio()).isNull();
    }

    @Test
    void seedIsALong() {
      assertThat(options("/video a cat --seed 42").seed()).isEqualTo(42L);
      assertThat(options("/video a cat --seed -1").seed()).isEqualTo(-1L);
      assertThat(options("/video a cat --seed=4294967295").seed()).isEqualTo(4_294_967_295L);
    }

    @Test
    void flags() {
      VideoOptions options = options("/video a cat --last-frame --ref --watermark --web-search");

      assertThat(options.lastFrame()).isTrue();
      assertThat(options.ref()).isTrue();
      assertThat(options.watermark()).isTrue();
      assertThat(options.webSearch()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--lastframe", "--last_frame", "—last-frame", "--LAST-FRAME"})
    void lastFrameSpellings(String option) {
      assertThat(options("/video a cat " + option).lastFrame()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--web_search", "--websearch", "--search", "—web-search"})
    void webSearchSpellings(String option) {
      assertThat(options("/video a cat " + option).webSearch()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"--refs", "--reference", "—ref"})
    void refSpellings(String option) {
      assertThat(options("/video a cat " + option).ref()).isTrue();
    }

    @Test
    void flagsNotGivenAreFalse() {
      assertThat(options("/video a cat")).isEqualTo(VideoOptions.none());
    }

    @Test
    void assetsAreRepeatableAndStoredAsAssetUrls() {
      assertThat(
              options(
                      "/video a cat --asset face-1 --asset asset://face-2 --asset=ASSET://face-3"
                          + " --asset face-1")
                  .assetIds())
          .containsExactly("asset://face-1", "asset://face-2", "asset://face-3");
    }

    @Test
    void everyOptionAtOnce() {
      assertThat(
              options(
                  "/video a cat --duration 8 --ratio 9:16 --res 1080p --model fast --no-audio"
                      + " --seed 7 --last-frame --ref --asset a1 --watermark --web-search"))
          .isEqualTo(
              new VideoOptions(
                  8,
                  "9:16",
                  "1080p",
                  "fast",
                  false,
                  7L,
                  true,
                  true,
                  List.of("asset://a1"),
                  true,
                  true));
    }

    @Test
    void theSameValueTwiceIsNoConflict() {
      VideoOptions options =
          options("/video a cat --duration 8 --duration=8s --ratio 9:16 --ar 9x16 --audio --sound");

      assertThat(options.duration()).isEqualTo(8);
      assertThat(options.ratio()).isEqualTo("9:16");
      assertThat(options.audio()).isTrue();
    }
  }

  @Nested
  class Prompt {

    @Test
    void optionsMayStandBeforeBetweenAndAfterPromptWords() {
      ChatCommand.Video video = video("/video --ratio 9:16 a cat --res 720p on a mat --audio");

      assertThat(video.prompt()).isEqualTo("a cat on a mat");
      assertThat(video.options().ratio()).isEqualTo("9:16");
      assertThat(video.options().resolution()).isEqualTo("720p");
      assertThat(video.options().audio()).isTrue();
    }

    @Test
    void wordsAreJoinedBySingleSpaces() {
      assertThat(video("/video a   cat\n on\ta mat ").prompt()).isEqualTo("a cat on a mat");
    }

    @Test
    void aQuotedPromptKeepsItsTextAndIsNeverReadAsOptions() {
      ChatCommand.Video video = video("/video \"a cat --ratio 9:16 on a   mat\" --res 720p");

      assertThat(video.prompt()).isEqualTo("a cat --ratio 9:16 on a   mat");
      assertThat(video.options().ratio()).isNull();
      assertThat(video.options().resolution()).isEqualTo("720p");
    }

    @Test
    void curlyQuotesFromPhonesWorkToo() {
      ChatCommand.Video video = video("/video “一只猫 --ref” —ratio 9:16");

      assertThat(video.prompt()).isEqualTo("一只猫 --ref");
      assertThat(video.options().ref()).isFalse();
      assertThat(video.options().ratio()).isEqualTo("9:16");
    }

    @Test
    void quotesInsideALongerPromptStayInThePrompt() {
      assertThat(video("/video a sign saying \"OPEN 24h\", neon --ratio 1:1").prompt())
          .isEqualTo("a sign saying \"OPEN 24h\", neon");
    }

    @Test
    void anUnclosedQuoteIsAnOrdinaryCharacter() {
      ChatCommand.Video video = video("/video a \"cat --ratio 9:16");

      assertThat(video.prompt()).isEqualTo("a \"cat");
      assertThat(video.options().ratio()).isEqualTo("9:16");
    }

    @Test
    void dashesInProseStayInThePrompt() {
      assertThat(video("/video a cat — sleeping").prompt()).isEqualTo("a cat — sleeping");
      assertThat(video("/video 一只猫 ——在睡觉").prompt()).isEqualTo("一只猫 ——在睡觉");
      assertThat(video("/video minus -1 degrees -cold — wow —amazing").prompt())
          .isEqualTo("minus -1 degrees -cold — wow —amazing");
    }
  }

  @Nested
  class Problems {

    @Test
    void unknownOptionWithASuggestion() {
      assertThat(problems("/video a cat --ratoi 9:16"))
          .containsExactly("Unknown option --ratoi. Did you mean --ratio?");
      assertThat(problems("/video a cat --durration 8"))
          .containsExactly("Unknown option --durration. Did you mean --duration?");
      assertThat(problems("/video a cat --reso 720p"))
          .containsExactly("Unknown option --reso. Did you mean --res?");
      assertThat(problems("/video a cat —ratoi 9:16"))
          .containsExactly("Unknown option --ratoi. Did you mean --ratio?");
    }

    @Test
    void unknownOptionWithoutAnythingClose() {
      assertThat(problems("/video a cat --xyzzy"))
          .containsExactly(
              "Unknown option --xyzzy. The options are: --duration, --ratio, --res, --model,"
                  + " --audio, --no-audio, --seed, --last-frame, --ref, --asset, --watermark,"
                  + " --web-search, --draft, --flex, --extend.");
    }

    @Test
    void missingValue() {
      assertThat(problems("/video a cat --ratio"))
          .containsExactly("--ratio needs a value, for example: --ratio 9:16");
      assertThat(problems("/video a cat --model --audio"))
          .containsExactly("--model needs a value, for example: --model fast");
      assertThat(problems("/video a cat --duration="))
          .containsExactly("--duration needs a value, for example: --duration 8");
      assertThat(problems("/video a cat --asset asset://"))
          .containsExactly("--asset needs a value, for example: --asset asset_id");
    }

    @Test
    void notANumber() {
      assertThat(problems("/video a cat --duration eight"))
          .containsExactly(
              "--duration needs a whole number, for example --duration 8; \"eight\" is not one.");
      assertThat(problems("/video a cat --duration 7.5"))
          .containsExactly(
              "--duration needs a whole number, for example --duration 8; \"7.5\" is not one.");
      assertThat(problems("/video a cat --seed lucky"))
          .containsExactly(
              "--seed needs a whole number, for example --seed 42; \"lucky\" is not one.");
      assertThat(problems("/video a cat --seed 123456789012345678901234567890"))
          .containsExactly(
              "--seed needs a whole number, for example --seed 42;"
                  + " \"123456789012345678901234567890\" is not one.");
    }

    @Test
    void aFlagGivenAValue() {
      assertThat(problems("/video a cat --watermark=yes"))
          .containsExactly("--watermark takes no value: write just --watermark.");
    }

    @Test
    void conflictingValues() {
      assertThat(problems("/video a cat --ratio 9:16 --ratio 16:9"))
          .containsExactly("--ratio 9:16 and --ratio 16:9 contradict each other: keep one.");
      assertThat(problems("/video a cat --audio --no-audio"))
          .containsExactly("--audio and --no-audio contradict each other: keep one.");
      assertThat(problems("/video a cat --duration 5 --duration=10s"))
          .containsExactly("--duration 5 and --duration 10s contradict each other: keep one.");
    }

    @Test
    void cancelWithoutAJobId() {
      assertThat(problems("/cancel"))
          .containsExactly(
              "Which job should I cancel? Write /cancel followed by the job id; /jobs lists your"
                  + " jobs.");
    }

    @Test
    void everyProblemIsListedInTheOrderTyped() {
      assertThat(
              problems(
                  "/video --ratoi 9:16 a cat --duration eight --seed --audio on a mat --no-audio"
                      + " --xyzzy"))
          .containsExactly(
              "Unknown option --ratoi. Did you mean --ratio?",
              "--duration needs a whole number, for example --duration 8; \"eight\" is not one.",
              "--seed needs a value, for example: --seed 42",
              "--audio and --no-audio contradict each other: keep one.",
              "Unknown option --xyzzy. The options are: --duration, --ratio, --res, --model,"
                  + " --audio, --no-audio, --seed, --last-frame, --ref, --asset, --watermark,"
                  + " --web-search, --draft, --flex, --extend.");
    }

    @Test
    void problemsCarryCodesAndArguments() {
      ParseResult result = parser.parse("/video --ratio 1:1 --ratio 4:3 --seed x --ratoi");

      assertThat(((ParseResult.Malformed) result).problems())
          .containsExactly(
              ValidationProblem.of("option.conflict", "--ratio", "--ratio 1:1", "--ratio 4:3"),
              ValidationProblem.of("option.not_a_number", "--seed", "x", "42"),
              ValidationProblem.of("option.unknown", "--ratoi", "--ratio"));
    }

    @Test
    void problemsInChinese() {
      assertThat(
              problems("/video 一只猫 --ratoi 9:16 --duration 八 --audio --no-audio", Locale.CHINESE))
          .containsExactly(
              "未知选项 --ratoi。你是想用 --ratio 吗？",
              "--duration 需要一个整数，例如 --duration 8；“八”不是整数。",
              "--audio 与 --no-audio 互相矛盾，请只保留一个。");
      assertThat(problems("/cancel", Locale.CHINESE))
          .containsExactly("要取消哪个任务？请在 /cancel 后写上任务编号；/jobs 可查看你的任务。");
      assertThat(problems("/imagine", Locale.forLanguageTag("zh-Hans-CN")))
          .containsExactly(
              "未知命令 /imagine。可用命令：/video、/story、/jobs、/show、/history、/cancel、/quota、/models、/settings、/help。");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "/video \"",
          "/video --",
          "/video —",
          "/video \"\"",
          "/video --=",
          "/video --=x",
          "/video -",
          "/video ““”",
          "/settings --",
          "/cancel \"\"",
          "/video --seed --duration --ratio --res --model --asset",
          "/video\u00a0a\u00a0cat\u3000--ratio\u30009:16"
        })
    void oddInputNeverThrows(String text) {
      assertThatCode(() -> parser.parse(text)).doesNotThrowAnyException();
    }

    @Test
    void noBreakAndIdeographicSpacesSeparateWords() {
      ChatCommand.Video video = video("/video\u00a0a\u00a0cat\u3000--ratio\u30009:16");

      assertThat(video.prompt()).isEqualTo("a cat");
      assertThat(video.options().ratio()).isEqualTo("9:16");
    }
  }

  @Nested
  class Settings {

    @Test
    void settingsTakesTheChatDefaults() {
      assertThat(parsed("/settings --model fast --ratio 9:16 --res 720p --duration 8 --no-audio"))
          .isEqualTo(
              new ChatCommand.Settings(
                  new VideoOptions(
                      8, "9:16", "720p", "fast", false, null, false, false, List.of(), false,
                      false)));
    }

    @Test
    void optionsThatCannotBeDefaultsAreRefused() {
      assertThat(problems("/settings --ratio 9:16 --ref --seed 42"))
          .containsExactly(
              "--seed cannot be a chat default. /settings takes --duration, --ratio, --res,"
                  + " --model, --audio, --no-audio.",
              "--ref cannot be a chat default. /settings takes --duration, --ratio, --res,"
                  + " --model, --audio, --no-audio.");
    }

    @Test
    void settingsTakesNoText() {
      assertThat(problems("/settings make it pretty --ratoi 1:1"))
          .containsExactly(
              "Unknown option --ratoi. Did you mean --ratio?",
              "/settings takes options, not text (\"make it pretty 1:1\"). Example: /settings"
                  + " --ratio 9:16 --res 720p");
    }
  }
}
