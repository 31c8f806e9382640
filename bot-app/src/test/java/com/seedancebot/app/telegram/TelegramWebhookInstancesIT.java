package com.seedancebot.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.app.SeedanceBotApplication;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobRepository;
import com.seedancebot.core.provider.fake.FakeArkServer;
import com.seedancebot.core.provider.fake.Progression;
import com.seedancebot.core.provider.fake.SampleMedia;
import com.seedancebot.core.request.MediaInput;
import com.seedancebot.core.request.MediaRole;
import com.seedancebot.core.testing.TestDatabase;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import com.seedancebot.telegram.fake.Updates;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * Two instances of the application (in-process Spring contexts) on one real PostgreSQL, Telegram in
 * webhook mode behind a load balancer that may send any update to either: an update Telegram
 * delivers twice, or to both instances at once, makes one job and one Ark task; an album whose
 * parts reach different instances makes one job with both photos; the webhook is set once.
 */
class TelegramWebhookInstancesIT {
  private static final String SECRET = "balanced-webhook-secret";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final RestClient HTTP = RestClient.create();
  private static final Path LOG = Path.of("target", "telegram-webhook-instances.log");

  @TempDir static Path dataDirs;
  private static String databaseUrl;
  private static FakeTelegramBotApi telegram;
  private static FakeArkServer ark;
  private static ConfigurableApplicationContext a;
  private static ConfigurableApplicationContext b;

  @BeforeAll
  static void startTwoInstances() throws Exception {
    databaseUrl = TestDatabase.migratedPostgres().url();
    telegram = new FakeTelegramBotApi();
    ark = FakeArkServer.start();
    ark.setProgression(Progression.MANUAL);
    a = start("a");
    b = start("b");
  }

  @AfterAll
  static void stopAll() {
    for (AutoCloseable closeable : new AutoCloseable[] {a, b, ark, telegram}) {
      try {
        if (closeable != null) {
          closeable.close();
        }
      } catch (Exception e) {
        // keep closing the rest
      }
    }
  }

  @Test
  void anUpdateDeliveredTwiceAndToBothInstancesAtOnceMakesOneJobAndOneArkTask() throws Exception {
    long chat = 5001;
    Updates.Msg message = telegram.updates().message(chat, chat, "en").text("/video a red fox");
    String update = update(9001, message);

    assertThat(post(a, update)).isEqualTo(200);
    assertThat(post(a, update)).as("Telegram retrying").isEqualTo(200);
    CountDownLatch go = new CountDownLatch(1);
    var atA = CompletableFuture.supplyAsync(() -> postWhen(go, a, update));
    var atB = CompletableFuture.supplyAsync(() -> postWhen(go, b, update));
    go.countDown();
    assertThat(atA.get(20, TimeUnit.SECONDS)).isEqualTo(200);
    assertThat(atB.get(20, TimeUnit.SECONDS)).isEqualTo(200);

    await(() -> ark.createdTasks().size() == 1);
    await(() -> !sentTo(chat).isEmpty());
    Thread.sleep(1500); // a second job would be created and shown by now
    assertThat(ark.createdTasks()).as("one Ark task").hasSize(1);
    List<Job> jobs = jobsOf(chat);
    assertThat(jobs).as("one job").hasSize(1);
    // the status of that one job (shown once per instance that reported it before the first
    // status message was recorded: a race in the core's StatusReporter, not in Telegram's intake)
    assertThat(sentTo(chat)).allMatch(text -> text.contains("Job " + jobs.get(0).id()));
    assertThat(telegram.calls("setWebhook")).as("the webhook was set once").hasSize(1);
  }

  @Test
  void anAlbumWhosePartsReachDifferentInstancesMakesOneJobWithBothPhotos() throws Exception {
    long chat = 5002;
    byte[] first = SampleMedia.jpeg(640, 480);
    byte[] last = SampleMedia.jpeg(640, 480);
    Updates updates = telegram.updates();
    Updates.Msg part1 =
        updates
            .message(chat, chat, "en")
            .album("g-5002")
            .photo(telegram.addFile(first, "jpg"), first.length);
    Updates.Msg part2 =
        updates
            .message(chat, chat, "en")
            .album("g-5002")
            .photo(telegram.addFile(last, "jpg"), last.length)
            .caption("/video morph one into the other");

    assertThat(post(a, update(9101, part1))).isEqualTo(200);
    assertThat(post(b, update(9102, part2))).isEqualTo(200);

    await(() -> jobsOf(chat).size() == 1);
    Thread.sleep(2000); // past the album's quiet period: a second job would exist by now
    List<Job> jobs = jobsOf(chat);
    assertThat(jobs).hasSize(1);
    Job job = jobs.get(0);
    assertThat(job.requestMessageId()).isEqualTo(Integer.toString(part2.messageId()));
    assertThat(job.request().media())
        .extracting(MediaInput::role)
        .containsExactly(MediaRole.FIRST_FRAME, MediaRole.LAST_FRAME);
  }

  // ---- the two instances

  private static ConfigurableApplicationContext start(String name) throws IOException {
    return new SpringApplicationBuilder(SeedanceBotApplication.class)
        .run(
            "--server.port=" + freePort(),
            "--bot.data-dir=" + dataDirs.resolve(name),
            "--spring.datasource.url=" + databaseUrl,
            "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres",
            "--TELEGRAM_BOT_TOKEN=" + FakeTelegramBotApi.TOKEN,
            "--TELEGRAM_API_URL=" + telegram.baseUrl(),
            "--TELEGRAM_WEBHOOK_SECRET=" + SECRET,
            "--BOT_PUBLIC_URL=https://bot.example.org",
            "--bot.callbacks=false",
            "--SEEDANCE_PROVIDER=ark",
            "--SEEDANCE_BASE_URL=" + ark.baseUrl(),
            "--SEEDANCE_API_KEY=" + ark.apiKey(),
            "--BOT_POLL_INTERVAL=200ms",
            "--logging.file.name=" + LOG);
  }

  private static int post(ConfigurableApplicationContext app, String update) {
    return HTTP.post()
        .uri(
            "http://127.0.0.1:"
                + app.getEnvironment().getProperty("local.server.port")
                + "/telegram/webhook")
        .header("X-Telegram-Bot-Api-Secret-Token", SECRET)
        .contentType(MediaType.APPLICATION_JSON)
        .body(update)
        .exchange((request, response) -> response.getStatusCode().value());
  }

  private static int postWhen(
      CountDownLatch go, ConfigurableApplicationContext app, String update) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return post(app, update);
  }

  private static String update(int updateId, Updates.Msg message) {
    var update = message.update();
    update.put("update_id", updateId);
    return update.toString();
  }

  private static List<Job> jobsOf(long user) {
    return a.getBean(JobRepository.class)
        .findRecentByOwner(
            new UserRef(Platform.TELEGRAM, Long.toString(user), null, null, false), 10);
  }

  /** The texts the bot sent into the chat (each job's status message; nothing else is expected). */
  private static List<String> sentTo(long chat) {
    return telegram.calls("sendMessage").stream()
        .filter(c -> Long.toString(chat).equals(c.field("chat_id")))
        .map(c -> c.field("text"))
        .toList();
  }

  private static void await(Callable<Boolean> condition) throws IOException {
    try {
      Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(condition);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "; the instances logged:\n" + tail(), e);
    }
  }

  /** The end of the log both instances write (one logging system per JVM). */
  private static String tail() throws IOException {
    if (!Files.exists(LOG)) {
      return "";
    }
    List<String> lines = Files.readAllLines(LOG);
    return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
