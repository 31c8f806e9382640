package com.seedancebot.core.request;

import static com.seedancebot.core.request.MediaRole.FIRST_FRAME;
import static com.seedancebot.core.request.MediaRole.LAST_FRAME;
import static com.seedancebot.core.request.MediaRole.REFERENCE;
import static com.seedancebot.core.request.RequestFixtures.CATALOG;
import static com.seedancebot.core.request.RequestFixtures.MESSAGES;
import static com.seedancebot.core.request.RequestFixtures.MIB;
import static com.seedancebot.core.request.RequestFixtures.asset;
import static com.seedancebot.core.request.RequestFixtures.audio;
import static com.seedancebot.core.request.RequestFixtures.image;
import static com.seedancebot.core.request.RequestFixtures.render;
import static com.seedancebot.core.request.RequestFixtures.request;
import static com.seedancebot.core.request.RequestFixtures.times;
import static com.seedancebot.core.request.RequestFixtures.video;
import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.request.RequestFixtures.Req;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProblemMessagesTest {

  private static final Set<String> CODES =
      Arrays.stream(RequestProblem.values()).map(RequestProblem::code).collect(Collectors.toSet());

  @Test
  void everyProblemHasAnEnglishAndAChineseText() {
    for (RequestProblem problem : RequestProblem.values()) {
      assertThat(MESSAGES.has(Locale.ENGLISH, problem.messageKey())).as(problem.code()).isTrue();
      assertThat(MESSAGES.has(Locale.CHINESE, problem.messageKey())).as(problem.code()).isTrue();
      for (Locale locale : List.of(Locale.ENGLISH, Locale.CHINESE)) {
        String text = render(problem.with(1, 2, 3, 4), locale);
        assertThat(text).as(problem.code()).doesNotContain("{", "}", "''").isNotBlank();
      }
    }
  }

  @Test
  void englishAndChineseBundlesHaveTheSameKeys() throws IOException {
    assertThat(keys("i18n/problems_zh.properties")).isEqualTo(keys("i18n/problems_en.properties"));
  }

  @Test
  void everyCodeTheValidatorEmitsIsAKnownProblemWithTexts() {
    RequestValidator validator = new RequestValidator();
    List<Req> badRequests =
        List.of(
            request().prompt("").duration(99).ratio("5:4").resolution("8k").seed(-7).audio(true),
            request().prompt("x".repeat(5000)).webSearch().with(image(FIRST_FRAME), video(20)),
            request()
                .with(image(LAST_FRAME), image(LAST_FRAME), asset(MediaKind.IMAGE, FIRST_FRAME)),
            request()
                .with(times(12, image(REFERENCE)))
                .with(times(5, video(4)))
                .with(times(5, audio(4))),
            request().with(audio("audio/ogg", 20 * MIB, 1)),
            request().with(image(REFERENCE, "image/x-icon", 40 * MIB, 100, 7000)),
            request().with(video("video/webm", 60 * MIB, 2000, 300, 1, 10)),
            request().prompt("").resolution("1080p").seed(1),
            request().draft().flex(),
            request().draft().resolution("720p"),
            request().with(image(FIRST_FRAME), image(FIRST_FRAME)),
            request().with(image(LAST_FRAME)),
            request()
                .with(
                    new MediaInput(
                        FIRST_FRAME, MediaKind.VIDEO, new MediaSource.Stored("v"), null)));
    Set<String> emitted = new HashSet<>();
    for (ModelSpec model : CATALOG.all()) {
      for (Req req : badRequests) {
        for (ValidationProblem problem : validator.validate(req.forModel(model), model)) {
          emitted.add(problem.code());
          assertThat(CODES).contains(problem.code());
          assertThat(render(problem, Locale.CHINESE)).doesNotStartWith("problem.");
        }
      }
    }
    assertThat(emitted).as("the sweep reaches every problem").isEqualTo(CODES);
  }

  private static Set<String> keys(String resource) throws IOException {
    Properties properties = new Properties();
    try (InputStream in =
        ProblemMessagesTest.class.getClassLoader().getResourceAsStream(resource)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties.stringPropertyNames();
  }
}
