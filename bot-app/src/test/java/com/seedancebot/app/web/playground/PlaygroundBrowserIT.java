package com.seedancebot.app.web.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.seedancebot.app.SeedanceBotApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application on the simulator provider, used the way a person uses the playground: a
 * real Chromium types commands into the page at {@code /} and watches the transcript. Skipped only
 * when Debian's Chromium is not installed.
 *
 * <p>The port is chosen here rather than by {@code RANDOM_PORT}: the signed video links are built
 * from {@code bot.public-url}, which must name the port before the server starts.
 */
@SpringBootTest(
    classes = SeedanceBotApplication.class,
    webEnvironment = WebEnvironment.DEFINED_PORT)
class PlaygroundBrowserIT {

  private static final Duration VIDEO_TIMEOUT = Duration.ofSeconds(120);
  private static PlaygroundBrowser browser;
  private static Path dataDir;

  private static int port;

  @DynamicPropertySource
  static void application(DynamicPropertyRegistry registry) throws IOException {
    dataDir = Files.createTempDirectory("playground-it-");
    port = freePort();
    registry.add("server.port", () -> port);
    registry.add("bot.public-url", () -> "http://localhost:" + port);
    registry.add("bot.data-dir", dataDir::toString);
    registry.add("bot.poll-interval", () -> "200ms");
    registry.add("seedance.provider", () -> "simulator");
  }

  @BeforeAll
  static void startBrowser() throws IOException {
    assumeTrue(Files.isExecutable(PlaygroundBrowser.CHROMIUM), "no /usr/bin/chromium here");
    browser = PlaygroundBrowser.start();
  }

  @AfterAll
  static void stopBrowser() {
    if (browser != null) {
      browser.close();
    }
  }

  @BeforeEach
  void openANewChat() {
    browser.driver().get("http://localhost:" + port + "/");
    browser.driver().findElement(By.id("new-chat")).click();
    browser.waitUpTo(Duration.ofSeconds(10)).until(d -> browser.all(".msg").isEmpty());
  }

  @Test
  void aVideoCommandEndsInAPlayableVideoOfTheAskedDuration() {
    send("/video a red fox running in snow --duration 4");

    browser
        .waitUpTo(Duration.ofSeconds(10))
        .until(
            d ->
                browser
                    .texts(".msg.user .text")
                    .contains("/video a red fox running in snow --duration 4"));
    browser.waitUpTo(Duration.ofSeconds(30)).until(d -> !browser.all(".msg.bot.status").isEmpty());
    assertThat(browser.texts(".msg.bot.status .text").get(0)).isNotBlank();

    WebElement video =
        browser
            .waitUpTo(VIDEO_TIMEOUT)
            .until(
                d -> {
                  List<WebElement> videos = browser.all(".msg.bot.video video");
                  return !videos.isEmpty() && readyState(videos.get(0)) >= 1 ? videos.get(0) : null;
                });

    double duration =
        ((Number) browser.script("return arguments[0].duration;", video)).doubleValue();
    assertThat(duration).isBetween(3.5, 4.5);
    assertThat(browser.all(".msg.bot.video")).hasSize(1);
    assertThat(browser.all(".msg.bot.video button[data-action='REROLL']")).hasSize(1);
    assertThat(browser.all(".msg.bot.video .text").get(0).getText()).isNotBlank();
  }

  @Test
  void helpIsAnsweredInTheChat() {
    send("/help");

    String help =
        browser
            .waitUpTo(Duration.ofSeconds(30))
            .until(
                d -> {
                  List<String> answers = browser.texts(".msg.bot.text .text");
                  return answers.isEmpty() ? null : answers.get(0);
                });
    assertThat(help).contains("/video");
    assertThat(browser.all(".msg.bot.text").get(0).getDomAttribute("data-reply-to"))
        .isEqualTo(browser.all(".msg.user").get(0).getDomAttribute("data-id"));
  }

  private static void send(String text) {
    WebElement input = browser.driver().findElement(By.id("composer-input"));
    input.sendKeys(text);
    input.sendKeys(Keys.ENTER);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static long readyState(WebElement video) {
    return ((Number) browser.script("return arguments[0].readyState;", video)).longValue();
  }
}
