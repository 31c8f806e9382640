package com.seedancebot.core.bot;

import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.FreeSpaceGuard;
import com.seedancebot.core.asset.LocalDiskAssetStore;
import com.seedancebot.core.asset.MediaInspector;
import com.seedancebot.core.asset.SignedUrls;
import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.ReplyTarget;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.delivery.ChatPorts;
import com.seedancebot.core.delivery.JobTexts;
import com.seedancebot.core.governance.Governance;
import com.seedancebot.core.governance.GovernanceRules;
import com.seedancebot.core.job.JdbcJobRepository;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobDispatcher;
import com.seedancebot.core.job.JobSettings;
import com.seedancebot.core.job.JobTracker;
import com.seedancebot.core.pipeline.BotAssembly;
import com.seedancebot.core.pipeline.Pipeline;
import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.quota.JdbcQuotaLedger;
import com.seedancebot.core.quota.QuotaPolicy;
import com.seedancebot.core.quota.QuotaTiers;
import com.seedancebot.core.request.CostEstimator;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.request.PriceTable;
import com.seedancebot.core.testing.RecordingChatPort;
import com.seedancebot.core.testing.ScriptedVideoProvider;
import com.seedancebot.core.testing.TestClock;
import com.seedancebot.core.testing.TestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real command layer over a real H2 database, a scripted provider and a recording Telegram
 * chat, for tests that talk to the bot as users do: {@link #say} a message, {@link #press} a
 * button, and read what the chat shows. Rerolls always draw seed {@link #REROLL_SEED}.
 */
final class CommandDesk {

  static final long REROLL_SEED = 42;
  static final ChatRef GROUP = ChatRef.of(Platform.TELEGRAM, "-100");

  final TestClock clock = TestClock.atDefaultStart();
  final ScriptedVideoProvider provider = new ScriptedVideoProvider("ark", 3);
  final RecordingChatPort chat = new RecordingChatPort(Platform.TELEGRAM);
  final JdbcJobRepository jobs;
  final ChatSettingsStore settings;
  final AssetStore assets;
  final DataSource db;

  /** The free disk space the bot sees; new jobs are refused below {@link #MIN_FREE_BYTES}. */
  final AtomicLong freeBytes = new AtomicLong(Long.MAX_VALUE);

  static final long MIN_FREE_BYTES = 500L * 1024 * 1024;
  final JobDispatcher dispatcher;
  final JobTracker tracker;
  final Pipeline pipeline;
  private final BotInbox handler;
  private int messageIds;

  CommandDesk(Path dir) {
    this(dir, GovernanceRules.none());
  }

  CommandDesk(Path dir, GovernanceRules rules) {
    this(dir, rules, QuotaTiers.none(), PriceTable.none());
  }

  /** A desk whose users may be in {@code tiers} and whose jobs cost money at {@code prices}. */
  CommandDesk(Path dir, GovernanceRules rules, QuotaTiers tiers, PriceTable prices) {
    db = TestDatabase.migratedH2(dir);
    var json = JsonMapper.builder().build();
    var messages = new Messages();
    var catalog = ModelCatalog.standard();
    jobs = new JdbcJobRepository(db, json);
    settings = new ChatSettingsStore(db, json);
    assets = new LocalDiskAssetStore(dir);
    var quota = new JdbcQuotaLedger(db, new QuotaPolicy(10, 100, 0, 0, 0, 0));
    var texts = new JobTexts(messages, catalog);
    var ports = new ChatPorts(List.of(chat));
    var router = new ProviderRouter(List.of(provider));
    var signed = new SignedUrls(URI.create("http://localhost:8080"), new byte[32], clock);
    var assembly =
        BotAssembly.build(
            Pipeline.builder()
                .jobs(jobs)
                .quota(quota)
                .providers(router)
                .catalog(catalog)
                .storage(assets, signed)
                .chats(ports, texts)
                .settings(JobSettings.defaults(Duration.ofSeconds(1)))
                .clock(clock)
                .jitter(() -> 0.5)
                .videoInfo(p -> new MediaInfo("video/mp4", 3, 640, 360, 4.0, 24.0))
                .direct(),
            new BotAssembly.Commands(
                messages,
                settings,
                new MediaInspector(),
                50L * 1024 * 1024,
                new CostEstimator(prices),
                null,
                "SeedanceBot",
                () -> REROLL_SEED,
                new FreeSpaceGuard(freeBytes::get, MIN_FREE_BYTES)),
            new Governance(db, rules, tiers));
    dispatcher = assembly.pipeline().dispatcher();
    tracker = assembly.pipeline().tracker();
    pipeline = assembly.pipeline();
    handler = assembly.inbox();
  }

  static UserRef member(String id) {
    return new UserRef(Platform.TELEGRAM, id, "user " + id, Locale.ENGLISH, false);
  }

  static UserRef admin(String id) {
    return new UserRef(Platform.TELEGRAM, id, "admin " + id, Locale.ENGLISH, true);
  }

  static UserRef chinese(UserRef user) {
    return new UserRef(
        user.platform(), user.userId(), user.displayName(), Locale.CHINESE, user.admin());
  }

  /** The private chat of a user (its id is the user's). */
  static ChatRef privateChat(UserRef user) {
    return ChatRef.of(Platform.TELEGRAM, user.userId());
  }

  /** {@code user} sends {@code text} in {@code where}; returns the texts the bot answered with. */
  List<String> say(UserRef user, ChatRef where, String text) {
    int before = chat.texts.size();
    handler.onMessage(user, where, "msg-" + (++messageIds), text, List.of());
    return textsSince(before);
  }

  /** {@code user} answers {@code author}'s message with {@code text}; returns the bot's answers. */
  List<String> sayReplyingTo(UserRef user, ChatRef where, String text, UserRef author) {
    int before = chat.texts.size();
    handler.onMessage(
        user,
        where,
        "msg-" + (++messageIds),
        text,
        List.of(),
        new ReplyTarget("msg-" + (++messageIds), null, author));
    return textsSince(before);
  }

  /** {@code user} presses a button under job {@code jobId}; returns the texts the bot answered. */
  List<String> press(UserRef user, ChatRef where, ButtonAction action, String jobId) {
    int before = chat.texts.size();
    handler.onButton(user, where, "msg-" + (++messageIds), action, jobId);
    return textsSince(before);
  }

  /** The user's newest job. */
  Job newestJob(UserRef owner) {
    return jobs.findRecentByOwner(owner, 1).get(0);
  }

  /** Submits the queued jobs and lets the provider refuse {@code job} for its content. */
  void refusedForContent(Job job) {
    dispatcher.tick();
    provider.fail(
        jobs.find(job.id()).orElseThrow().providerTaskId(), "OutputVideoSensitiveContentDetected");
    clock.advance(Duration.ofSeconds(2));
    tracker.tick();
  }

  /** The last status text shown for a job. */
  String statusOf(Job job) {
    return chat.statusCalls.stream()
        .filter(s -> s.jobId().equals(job.id()))
        .reduce((a, b) -> b)
        .map(s -> s.text())
        .orElse(null);
  }

  private List<String> textsSince(int before) {
    return chat.texts.subList(before, chat.texts.size()).stream()
        .map(RecordingChatPort.SentText::text)
        .toList();
  }
}
