package com.seedancebot.app.blackbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.seedancebot.core.asset.SignedUrls;
import com.seedancebot.core.asset.s3.S3ProxyServer;
import com.seedancebot.core.provider.fake.FakeArkServer;
import com.seedancebot.core.provider.fake.Progression;
import com.seedancebot.core.provider.fake.SampleMedia;
import com.seedancebot.core.testing.TestDatabase;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Several packaged bots deployed as docs/SCALING.md says: one PostgreSQL database, one
 * S3-compatible store (S3Proxy), the same {@code BOT_SIGNING_KEY}, each its own {@code
 * BOT_INSTANCE_ID}, a {@link RoundRobinBalancer} in front that is their {@code BOT_PUBLIC_URL}
 * (Telegram's webhook, signed links, Ark's callbacks), Telegram in webhook mode or by long polling;
 * the fake Bot API server and the fake Ark (tasks moving one step every {@code step}, every result
 * the same 2 s clip) on loopback. Short leases (5 s) and polling (200 ms). Close it to stop
 * everything.
 */
final class ScaleWorld implements AutoCloseable {

  static final String BUCKET = "seedance-scale";
  static final String WEBHOOK_SECRET = "scale-webhook-secret";
  static final String LEASE = "5s";

  final TestDatabase.Postgres database;
  final S3ProxyServer s3;
  final FakeTelegramBotApi telegram;
  final FakeArkServer ark;
  final TelegramChats chats;
  final RoundRobinBalancer balancer;
  final byte[] signingKey = new byte[32];
  final BotCluster cluster;
  private final ScheduledExecutorService advancer = Executors.newSingleThreadScheduledExecutor();
  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicInteger updateIds = new AtomicInteger(100_000);
  private final AutoCloseable[] resources;

  private ScaleWorld(
      Path work, int instances, Duration step, boolean webhook, BotCluster.Instance more)
      throws Exception {
    new SecureRandom().nextBytes(signingKey);
    database = TestDatabase.migratedPostgres();
    s3 = S3ProxyServer.start(work.resolve("s3"), BUCKET);
    telegram = new FakeTelegramBotApi();
    ark = FakeArkServer.start();
    chats = new TelegramChats(telegram);
    ark.serveVideo(SampleMedia.mp4(160, 96, 12, ChaosRig.RESULT_SECONDS));
    ark.setProgression(Progression.MANUAL);
    advancer.scheduleWithFixedDelay(
        ark::advanceAll, step.toMillis(), step.toMillis(), TimeUnit.MILLISECONDS);
    BotCluster[] started = new BotCluster[1];
    balancer = new RoundRobinBalancer(instances, () -> started[0].urls());
    resources = new AutoCloseable[] {balancer, ark, telegram, s3, advancer::shutdownNow};
    try {
      started[0] =
          BotCluster.start(work, instances, (i, b) -> more.configure(i, instance(i, b, webhook)));
    } catch (Exception | AssertionError e) {
      close();
      throw e;
    }
    cluster = started[0];
  }

  /**
   * Starts the world with {@code instances} bots, Telegram in webhook mode; {@code more} adds
   * settings to every one.
   */
  static ScaleWorld start(
      Path work, int instances, Duration step, UnaryOperator<PackagedBot.Builder> more)
      throws Exception {
    return new ScaleWorld(work, instances, step, true, (i, b) -> more.apply(b));
  }

  /** Like {@link #start}, Telegram by long polling, {@code more} adding settings per instance. */
  static ScaleWorld startLongPolling(
      Path work, int instances, Duration step, BotCluster.Instance more) throws Exception {
    return new ScaleWorld(work, instances, step, false, more);
  }

  private PackagedBot.Builder instance(int i, PackagedBot.Builder bot, boolean webhook) {
    if (webhook) {
      bot.env("TELEGRAM_WEBHOOK_SECRET", WEBHOOK_SECRET);
    }
    return bot.env("SPRING_DATASOURCE_URL", database.url())
        .env("SPRING_DATASOURCE_USERNAME", "postgres")
        .env("SPRING_DATASOURCE_PASSWORD", "postgres")
        .env("BOT_INSTANCE_ID", "bot-" + i)
        .env("BOT_SIGNING_KEY", Base64.getEncoder().encodeToString(signingKey))
        .env("BOT_STORAGE_S3_ENDPOINT", s3.endpoint().toString())
        .env("BOT_STORAGE_S3_BUCKET", BUCKET)
        .env("BOT_STORAGE_S3_PATH_STYLE", "true")
        .env("BOT_STORAGE_S3_ACCESS_KEY", S3ProxyServer.ACCESS_KEY)
        .env("BOT_STORAGE_S3_SECRET_KEY", S3ProxyServer.SECRET_KEY)
        .env("BOT_PUBLIC_URL", balancer.baseUrl().toString())
        .telegram(telegram.baseUrl(), FakeTelegramBotApi.TOKEN)
        .env("TELEGRAM_LEASE_TIME", LEASE)
        .ark(ark.baseUrl(), ark.apiKey())
        .env("BOT_POLL_INTERVAL", "200ms")
        .env("BOT_PIPELINE_LEASE_TIME", LEASE)
        .jvmOption("-Xmx384m");
  }

  /**
   * Telegram delivers an update to the webhook through the balancer, with a new {@code update_id},
   * trying again (as Telegram does) while the answer is not 200.
   */
  void deliver(ObjectNode update) throws IOException, InterruptedException {
    update.put("update_id", updateIds.incrementAndGet());
    HttpRequest post =
        HttpRequest.newBuilder(balancer.baseUrl().resolve("/telegram/webhook"))
            .header("Content-Type", "application/json")
            .header("X-Telegram-Bot-Api-Secret-Token", WEBHOOK_SECRET)
            .POST(HttpRequest.BodyPublishers.ofString(update.toString()))
            .build();
    for (int attempt = 1; ; attempt++) {
      try {
        int status = http.send(post, HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status == 200) {
          return;
        }
        if (attempt == 10) {
          throw new AssertionError("the webhook answered " + status + cluster.tails());
        }
      } catch (IOException lost) {
        if (attempt == 10) {
          throw lost;
        }
      }
      Thread.sleep(200);
    }
  }

  /** A user of a private chat (user id = chat id) sends {@code text}. */
  void say(long chat, String text) throws IOException, InterruptedException {
    deliver(telegram.updates().message(chat, chat, "en").text(text).update());
  }

  /** A signed link to a stored file as the bots make them (the shared key, the public URL). */
  URI signedLink(String assetId) {
    return new SignedUrls(balancer.baseUrl(), signingKey, Clock.systemUTC())
        .sign(assetId, Duration.ofHours(1));
  }

  /** Reads the shared database. */
  JdbcClient sql() {
    return JdbcClient.create(database.dataSource());
  }

  /** The jobs in the shared database. */
  List<JobRow> jobs() {
    return sql()
        .sql("SELECT id, chat_id, state, video_asset_id, delivered_at FROM job")
        .query(
            (rs, n) ->
                new JobRow(
                    rs.getString("id"),
                    Long.parseLong(rs.getString("chat_id")),
                    rs.getString("state"),
                    rs.getString("video_asset_id"),
                    rs.getObject("delivered_at") != null))
        .list();
  }

  /** A job as the shared database holds it. */
  record JobRow(String id, long chat, String state, String videoAssetId, boolean delivered) {}

  @Override
  public void close() {
    if (cluster != null) {
      cluster.close();
    }
    for (AutoCloseable r : resources) {
      try {
        r.close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
  }
}
