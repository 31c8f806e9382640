package com.seedancebot.telegram;

import static com.seedancebot.telegram.TestFiles.bytes;
import static com.seedancebot.telegram.TestFiles.read;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.seedancebot.telegram.RecordingInbox.MessageCall;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import com.seedancebot.telegram.fake.Updates;
import com.seedancebot.telegram.store.JdbcPollerLease;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the bot on one real PostgreSQL and one fake Bot API server, as behind a load
 * balancer (webhook) or side by side (long polling): every update reaches the core once, an album's
 * parts received by different instances make one message, the webhook is set once, and exactly one
 * instance polls, another taking over when it stops or dies.
 */
class TelegramInstancesIT {
  private static final String SECRET = "shared-webhook-secret";
  private static final Duration LEASE = Duration.ofSeconds(3);
  private static final long USER = 4242L;

  private static DataSource db;

  private final List<TelegramTestBot> bots = new ArrayList<>();
  private FakeTelegramBotApi fake;
  private Updates updates;

  @BeforeAll
  static void database() {
    db = TestDatabases.postgres();
  }

  @BeforeEach
  void start() throws IOException {
    TestDatabases.clearTelegramTables(db);
    fake = new FakeTelegramBotApi();
    updates = fake.updates();
  }

  @AfterEach
  void stop() throws IOException {
    for (TelegramTestBot bot : bots) {
      bot.assertTokenNeverLeaked();
      bot.close();
    }
    fake.close();
  }

  @Test
  void aWebhookUpdateDeliveredTwiceOrToBothInstancesAtOnceReachesTheCoreOnce() throws Exception {
    TelegramTestBot a = instance("a", SECRET);
    TelegramTestBot b = instance("b", SECRET);
    String first = update(501, updates.message(USER, USER, "en").text("/video one"));
    String second = update(502, updates.message(USER, USER, "en").text("/video two"));

    assertThat(a.adapter.webhook().handle(SECRET, first).status()).isEqualTo(200);
    assertThat(a.adapter.webhook().handle(SECRET, first).status())
        .as("Telegram's retry")
        .isEqualTo(200);
    CountDownLatch go = new CountDownLatch(1);
    var atA = CompletableFuture.supplyAsync(() -> post(a, second, go));
    var atB = CompletableFuture.supplyAsync(() -> post(b, second, go));
    go.countDown();

    assertThat(atA.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    assertThat(atB.get(10, TimeUnit.SECONDS)).isEqualTo(200);
    assertThat(messagesWithin(Duration.ofSeconds(2)))
        .extracting(MessageCall::text)
        .containsExactlyInAnyOrder("/video one", "/video two");
    assertThat(fake.calls("getWebhookInfo")).hasSize(2);
    assertThat(fake.calls("setWebhook")).as("set once, by the first instance").hasSize(1);
  }

  @Test
  void anAlbumWhosePartsReachTwoInstancesIsOneMessageWithBothPhotos() throws Exception {
    TelegramTestBot a = instance("a", SECRET);
    TelegramTestBot b = instance("b", SECRET);
    byte[] firstPhoto = bytes(200, 1);
    byte[] lastPhoto = bytes(300, 2);
    var part1 =
        updates.message(USER, USER, "en").album("g7").photo(fake.addFile(firstPhoto, "jpg"), 200);
    var part2 =
        updates
            .message(USER, USER, "en")
            .album("g7")
            .photo(fake.addFile(lastPhoto, "jpg"), 300)
            .caption("/video morph");

    assertThat(a.adapter.webhook().handle(SECRET, update(601, part1)).status()).isEqualTo(200);
    assertThat(b.adapter.webhook().handle(SECRET, update(602, part2)).status()).isEqualTo(200);

    List<MessageCall> calls =
        messagesWithin(TelegramTestBot.INSTANCE_ALBUM_QUIET_PERIOD.plusSeconds(3));
    assertThat(calls).hasSize(1);
    MessageCall album = calls.get(0);
    assertThat(album.text()).isEqualTo("/video morph");
    assertThat(album.messageId()).isEqualTo(Integer.toString(part2.messageId()));
    assertThat(album.attachments()).hasSize(2);
    assertThat(read(album.attachments().get(0))).isEqualTo(firstPhoto);
    assertThat(read(album.attachments().get(1))).isEqualTo(lastPhoto);
  }

  @Test
  void oneInstancePollsAndWhenItStopsTheOtherTakesOverWithinTheLease() throws Exception {
    TelegramTestBot a = instance("a", null);
    TelegramTestBot b = instance("b", null);
    assertThat(a.adapter.status().detail()).endsWith("receives updates by long polling");
    assertThat(b.adapter.status().detail()).endsWith("stands by for long polling (a polls)");
    assertThat(b.adapter.status().up()).as("a stand-by is healthy").isTrue();

    fake.enqueue(updates.message(USER, USER, "en").text("/video first").update());
    assertThat(nextMessage().text()).as("processed by either").isEqualTo("/video first");
    await().atMost(Duration.ofSeconds(10)).until(() -> fake.calls("getUpdates").size() > 4);

    a.close();
    bots.remove(a);
    Instant stopped = Instant.now();
    fake.enqueue(updates.message(USER, USER, "en").text("/video second").update());

    assertThat(nextMessage().text()).isEqualTo("/video second");
    assertThat(Duration.between(stopped, Instant.now())).isLessThan(LEASE);
    assertThat(b.adapter.status().detail()).endsWith("receives updates by long polling");
    assertThat(fake.pollConflicts()).as("never two getUpdates at once").isZero();
    assertThat(messagesWithin(Duration.ofMillis(500))).isEmpty();
  }

  @Test
  void aDeadPollersLeaseIsTakenOverOnceItRunsOut() throws Exception {
    Instant died = Instant.now();
    new JdbcPollerLease(db, FakeTelegramBotApi.BOT_ID).tryHold("dead", died, died.plus(LEASE));
    fake.enqueue(updates.message(USER, USER, "en").text("/video waiting").update());

    TelegramTestBot b = instance("b", null);

    assertThat(b.adapter.status().detail()).endsWith("stands by for long polling (dead polls)");
    assertThat(b.inbox.nextMessage().text()).isEqualTo("/video waiting");
    Duration takeover = Duration.between(died, Instant.now());
    assertThat(takeover).isGreaterThanOrEqualTo(LEASE).isLessThan(LEASE.multipliedBy(2));
    assertThat(fake.pollConflicts()).isZero();
  }

  // ---- helpers

  private TelegramTestBot instance(String id, String secret) {
    TelegramTestBot bot = TelegramTestBot.instance(fake, db, id, secret, LEASE);
    bots.add(bot);
    return bot.connect();
  }

  private static String update(int updateId, Updates.Msg message) {
    var update = message.update();
    update.put("update_id", updateId);
    return update.toString();
  }

  private static int post(TelegramTestBot bot, String body, CountDownLatch go) {
    try {
      go.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return bot.adapter.webhook().handle(SECRET, body).status();
  }

  /** The next message any instance hands to its core. */
  private MessageCall nextMessage() throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      for (TelegramTestBot bot : bots) {
        MessageCall call = bot.inbox.messages.poll(20, TimeUnit.MILLISECONDS);
        if (call != null) {
          return call;
        }
      }
    }
    throw new AssertionError("no instance handed a message to the core");
  }

  /** Everything the instances hand to the core within {@code window}. */
  private List<MessageCall> messagesWithin(Duration window) throws InterruptedException {
    List<MessageCall> calls = new ArrayList<>();
    long deadline = System.nanoTime() + window.toNanos();
    while (System.nanoTime() < deadline) {
      for (TelegramTestBot bot : bots) {
        MessageCall call = bot.inbox.messages.poll(20, TimeUnit.MILLISECONDS);
        if (call != null) {
          calls.add(call);
        }
      }
    }
    return calls;
  }
}
