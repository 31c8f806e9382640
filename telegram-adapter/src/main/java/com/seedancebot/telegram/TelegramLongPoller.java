package com.seedancebot.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.seedancebot.telegram.store.JdbcPollerLease;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * Long polling shared by the instances of one bot: only the holder of the {@link JdbcPollerLease}
 * calls {@code getUpdates}; the others stand by and take the lease over once its holder stopped
 * renewing it. The lease is renewed every third of the lease time, between polls, and each long
 * poll ends a third of the lease time before the lease does, so a poller that can no longer renew
 * has stopped polling before another may start; a dead poller is replaced within 4/3 of the lease
 * time. The updates of a poll are stored by the {@link UpdateIntake} before the next poll confirms
 * their offset; a failure to store them polls them again. {@link #close()} gives the lease up so
 * another instance takes over at once. Runs on its own thread.
 */
final class TelegramLongPoller implements UpdateSource {
  private static final Logger log = LoggerFactory.getLogger(TelegramLongPoller.class);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

  private final TelegramApi api;
  private final OkHttpClient http;
  private final HttpUrl getUpdatesUrl; // holds the token: never logged
  private final TokenRedactor redactor;
  private final JdbcPollerLease lease;
  private final UpdateIntake intake;
  private final ObjectMapper json;
  private final Clock clock;
  private final TelegramSettings settings;
  private final Duration renewEvery;
  private final List<String> allowedUpdates;
  private final String owner;
  private volatile Instant heldUntil; // null while another instance polls
  private volatile String describe = "does not poll yet";
  private volatile boolean running;
  private volatile Call inFlight;
  private final Object wake = new Object();
  private Thread thread;
  private long offset;

  TelegramLongPoller(
      TelegramApi api,
      OkHttpClient http,
      TokenRedactor redactor,
      JdbcPollerLease lease,
      UpdateIntake intake,
      ObjectMapper json,
      Clock clock,
      TelegramSettings settings,
      List<String> allowedUpdates,
      String owner) {
    this.api = Objects.requireNonNull(api, "api");
    this.http = Objects.requireNonNull(http, "http");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.lease = Objects.requireNonNull(lease, "lease");
    this.intake = Objects.requireNonNull(intake, "intake");
    this.json = Objects.requireNonNull(json, "json");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.renewEvery = settings.leaseTime().dividedBy(3);
    this.allowedUpdates = List.copyOf(allowedUpdates);
    this.owner = Objects.requireNonNull(owner, "owner");
    this.getUpdatesUrl =
        HttpUrl.get(settings.apiUrl().toString())
            .newBuilder()
            .addPathSegment("bot" + settings.token())
            .addPathSegment("getUpdates")
            .build();
  }

  @Override
  public synchronized void start() {
    api.call("deleteWebhook", c -> c.execute(new DeleteWebhook(false)));
    renewLease(clock.instant()); // health knows at once whether this instance polls
    running = true;
    thread = new Thread(this::run, "telegram-poll");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public String describe() {
    return describe;
  }

  @Override
  public void close() {
    Thread polling;
    synchronized (this) {
      running = false;
      polling = thread;
    }
    Call call = inFlight;
    if (call != null) {
      call.cancel();
    }
    synchronized (wake) {
      wake.notifyAll();
    }
    if (polling != null) {
      // not interrupted: an interrupt during a database call would close an H2 file database
      try {
        polling.join(Duration.ofSeconds(5).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    heldUntil = null;
    try {
      lease.release(owner);
    } catch (RuntimeException e) {
      log.warn("Could not give up the Telegram polling lease: {}", e.getMessage());
    }
  }

  private void run() {
    Instant nextRenewal = Instant.MIN;
    Instant retryAt = Instant.MIN;
    Duration backoff = FIRST_BACKOFF;
    while (running) {
      Instant now = clock.instant();
      if (!now.isBefore(nextRenewal)) {
        renewLease(now);
        nextRenewal = now.plus(renewEvery);
      }
      long timeout = pollTimeout(now, nextRenewal);
      if (timeout < 0 || now.isBefore(retryAt)) {
        Instant wake =
            now.isBefore(retryAt) && retryAt.isBefore(nextRenewal) ? retryAt : nextRenewal;
        if (!pause(wake)) {
          return;
        }
        continue;
      }
      try {
        poll(timeout);
        backoff = FIRST_BACKOFF;
      } catch (IOException | RuntimeException e) {
        if (!running) {
          return;
        }
        Duration wait =
            e instanceof TelegramCallException t && t.retryAfter() != null
                ? t.retryAfter()
                : backoff;
        log.warn("Telegram getUpdates failed, retrying in {}: {}", wait, describe(e));
        retryAt = clock.instant().plus(wait);
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : doubled;
      }
    }
  }

  /**
   * The timeout of a poll started now: it lasts until the next renewal and ends at least a third of
   * the lease time before the lease runs out (-1 when it cannot, or another instance polls).
   */
  private long pollTimeout(Instant now, Instant nextRenewal) {
    Instant until = heldUntil;
    if (until == null) {
      return -1;
    }
    long toRenewal = (Duration.between(now, nextRenewal).toMillis() + 999) / 1000;
    long timeout = Math.max(1, Math.min(settings.pollTimeout().toSeconds(), toRenewal));
    return now.plusSeconds(timeout).plus(renewEvery).isAfter(until) ? -1 : timeout;
  }

  /** Takes or renews the lease; when the database cannot be reached, the lease runs out. */
  private void renewLease(Instant now) {
    String before = describe;
    try {
      if (lease.tryHold(owner, now, now.plus(settings.leaseTime()))) {
        heldUntil = now.plus(settings.leaseTime());
        describe = "receives updates by long polling";
      } else {
        heldUntil = null;
        describe = "stands by for long polling (" + lease.holder(now).orElse("nobody") + " polls)";
      }
    } catch (RuntimeException e) {
      log.warn("Could not renew the Telegram polling lease: {}", e.getMessage());
    }
    if (!describe.equals(before)) {
      log.info("Telegram: this instance ({}) {}", owner, describe);
    }
  }

  /** Waits until {@code until}; false when woken to stop. */
  private boolean pause(Instant until) {
    long millis = Math.max(10, Duration.between(clock.instant(), until).toMillis());
    synchronized (wake) {
      if (running) {
        try {
          wake.wait(millis);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return running;
  }

  private void poll(long timeout) throws IOException {
    ObjectNode body = json.createObjectNode();
    body.put("offset", offset).put("limit", 100).put("timeout", timeout);
    body.set("allowed_updates", json.valueToTree(allowedUpdates));
    Request request =
        new Request.Builder()
            .url(getUpdatesUrl)
            .post(RequestBody.create(json.writeValueAsBytes(body), JSON))
            .build();
    Call call = http.newCall(request);
    inFlight = call;
    if (!running) {
      call.cancel(); // closed meanwhile: close() may have missed this call
    }
    JsonNode answer;
    int status;
    try (Response response = call.execute()) {
      status = response.code();
      answer = json.readTree(response.body().byteStream());
    } finally {
      inFlight = null;
    }
    if (!answer.path("ok").asBoolean(false)) {
      throw refusal(status, answer);
    }
    for (JsonNode node : answer.path("result")) {
      Update update = json.treeToValue(node, Update.class);
      intake.receive(update, json.writeValueAsString(node));
      offset = Math.max(offset, update.getUpdateId() + 1L);
    }
  }

  private TelegramCallException refusal(int status, JsonNode answer) {
    int code = answer.path("error_code").asInt(status);
    String description = redactor.redact(answer.path("description").asText(""));
    JsonNode retryAfter = answer.path("parameters").path("retry_after");
    return new TelegramCallException(
        "Telegram refused getUpdates (" + code + "): " + description,
        code,
        description,
        true,
        retryAfter.isNumber() ? Duration.ofSeconds(retryAfter.asLong()) : null,
        null);
  }

  private String describe(Throwable e) {
    return Failures.describe(e, redactor);
  }
}
