package com.seedancebot.app.blackbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A wrong or missing setting, given to the packaged jar as an operator gives it: the bot does not
 * start, exits with a non-zero code, and says in one line which variable is wrong and how to fix
 * it, with no stack trace.
 */
class ConfigurationErrorsIT {

  private static final Duration EXIT = Duration.ofSeconds(90);

  @TempDir Path work;

  static Stream<Arguments> wrongSettings() {
    return Stream.of(
        Arguments.of("SEEDANCE_PROVIDER", List.of("SEEDANCE_PROVIDER=sora"), "set it to one of"),
        Arguments.of(
            "SEEDANCE_BASE_URL",
            List.of(
                "SEEDANCE_PROVIDER=ark",
                "SEEDANCE_API_KEY=a-key",
                "SEEDANCE_BASE_URL=ark.cn-beijing.volces.com/api/v3"),
            "set it to the provider's http(s) base URL"),
        Arguments.of("SEEDANCE_API_KEY", List.of("SEEDANCE_PROVIDER=ark"), "needs its API key"),
        Arguments.of("SEEDANCE_MODEL", List.of("SEEDANCE_MODEL=seedance-9"), "set it to one of"),
        Arguments.of("BOT_POLL_INTERVAL", List.of("BOT_POLL_INTERVAL=abc"), "write it like 3s"),
        Arguments.of("BOT_DATA_DIR", List.of("BOT_DATA_DIR=<a file>/data"), "point it at"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("wrongSettings")
  void theBotStopsWithOneLineNamingTheVariable(String variable, List<String> env, String fix)
      throws Exception {
    PackagedBot.Builder bot = PackagedBot.builder(work);
    for (String setting : env) {
      String[] nameValue = setting.split("=", 2);
      bot.env(nameValue[0], nameValue[1].replace("<a file>", aFile().toString()));
    }

    PackagedBot.Exit exit = bot.runToExit(EXIT);

    assertThat(exit.code()).as(exit.output()).isNotZero();
    List<String> naming =
        Arrays.stream(exit.output().split("\n")).filter(l -> l.contains(variable)).toList();
    assertThat(naming).as(exit.output()).hasSize(1);
    assertThat(naming.get(0)).startsWith(variable).contains(fix);
    assertThat(exit.output()).doesNotContain("\tat ").doesNotContain("Caused by");
  }

  private Path aFile() throws IOException {
    Path file = work.resolve("not-a-directory");
    if (!Files.exists(file)) {
      Files.writeString(file, "a file where a directory should be");
    }
    return file;
  }
}
