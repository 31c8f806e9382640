package com.seedancebot.app.config;

import com.seedancebot.app.web.CallbackController;
import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.MediaInspection;
import com.seedancebot.core.asset.MediaInspector;
import com.seedancebot.core.asset.SignedUrls;
import com.seedancebot.core.asset.SigningKeys;
import com.seedancebot.core.bot.AttachmentIntake;
import com.seedancebot.core.bot.ChatSettingsStore;
import com.seedancebot.core.bot.CommandHandler;
import com.seedancebot.core.bot.FollowUps;
import com.seedancebot.core.bot.InfoCommands;
import com.seedancebot.core.bot.ModelChooser;
import com.seedancebot.core.bot.Replies;
import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.core.chat.CommandParser;
import com.seedancebot.core.chat.HelpText;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.ModelListFormatter;
import com.seedancebot.core.delivery.ChatPort;
import com.seedancebot.core.delivery.ChatPorts;
import com.seedancebot.core.delivery.JobTexts;
import com.seedancebot.core.delivery.StatusReporter;
import com.seedancebot.core.job.InstanceIds;
import com.seedancebot.core.job.JdbcJobRepository;
import com.seedancebot.core.job.JobOutcomes;
import com.seedancebot.core.job.JobRepository;
import com.seedancebot.core.job.JobService;
import com.seedancebot.core.job.JobSettings;
import com.seedancebot.core.job.JobTracker;
import com.seedancebot.core.pipeline.Pipeline;
import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.quota.JdbcQuotaLedger;
import com.seedancebot.core.quota.QuotaLedger;
import com.seedancebot.core.quota.QuotaTextFormatter;
import com.seedancebot.core.request.CostEstimator;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.request.ModelFamily;
import com.seedancebot.core.request.RequestValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.random.RandomGenerator;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes the plain core classes Spring beans: storage, jobs, quotas, delivery and the {@link
 * BotInbox} every chat surface talks to. The core itself knows nothing of Spring.
 */
@Configuration(proxyBeanMethods = false)
public class CoreConfiguration {

  /** Attachments larger than this are refused before download (Ark's video limit). */
  private static final long MAX_ATTACHMENT_BYTES = 50L * 1024 * 1024;

  private static final JsonMapper CORE_JSON = JsonMapper.builder().build();

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  Messages messages() {
    return new Messages();
  }

  @Bean
  ModelCatalog modelCatalog() {
    return ModelCatalog.standard();
  }

  @Bean
  AssetStore assetStore(BotProperties bot) {
    return new AssetStore(bot.dataDir());
  }

  @Bean
  SignedUrls signedUrls(BotProperties bot, Clock clock) {
    return new SignedUrls(bot.publicUrl(), SigningKeys.loadOrCreate(bot.dataDir()), clock);
  }

  @Bean
  JobSettings jobSettings(BotProperties bot, PipelineProperties pipeline) {
    return JobSettings.defaults(bot.pollInterval())
        .withInstanceId(InstanceIds.loadOrCreate(bot.dataDir()))
        .withLeaseTime(pipeline.leaseTime());
  }

  @Bean
  JobRepository jobRepository(DataSource dataSource) {
    return new JdbcJobRepository(dataSource, CORE_JSON);
  }

  @Bean
  QuotaLedger quotaLedger(DataSource dataSource, QuotaProperties quota) {
    return new JdbcQuotaLedger(dataSource, quota.toPolicy());
  }

  @Bean
  ChatPorts chatPorts(List<ChatPort> ports) {
    return new ChatPorts(ports);
  }

  @Bean
  CostEstimator costEstimator(SeedanceProperties seedance) {
    return new CostEstimator(seedance.prices().toTable());
  }

  @Bean
  JobTexts jobTexts(Messages messages, ModelCatalog catalog, CostEstimator costs) {
    return new JobTexts(messages, catalog, costs);
  }

  @Bean
  MediaInspector mediaInspector() {
    return new MediaInspector();
  }

  @Bean
  Pipeline pipeline(
      JobRepository jobs,
      QuotaLedger quota,
      ProviderRouter router,
      ModelCatalog catalog,
      AssetStore assets,
      SignedUrls signedUrls,
      ChatPorts ports,
      JobTexts texts,
      JobSettings settings,
      PipelineProperties pipeline,
      MediaInspector inspector,
      Clock clock,
      BotProperties bot) {
    return Pipeline.builder()
        .jobs(jobs)
        .quota(quota)
        .providers(router)
        .catalog(catalog)
        .storage(assets, signedUrls)
        .chats(ports, texts)
        .settings(settings)
        .pipelineSettings(pipeline.toSettings(bot.tickInterval()))
        .clock(clock)
        .videoInfo(file -> videoInfo(inspector, file))
        .callbackBase(
            provider ->
                bot.callbacksEnabled() && provider.family() == ModelFamily.ARK
                    ? trimSlash(bot.publicUrl().toString()) + CallbackController.PATH_PREFIX
                    : null)
        .build();
  }

  @Bean
  StatusReporter statusReporter(Pipeline pipeline) {
    return pipeline.status();
  }

  @Bean
  JobOutcomes jobOutcomes(Pipeline pipeline) {
    return pipeline.outcomes();
  }

  @Bean
  JobTracker jobTracker(Pipeline pipeline) {
    return pipeline.tracker();
  }

  @Bean
  JobService jobService(
      JobRepository jobs,
      QuotaLedger quota,
      ProviderRouter router,
      JobOutcomes outcomes,
      CostEstimator costs,
      Clock clock) {
    return new JobService(jobs, new RequestValidator(), costs, quota, router, outcomes, clock);
  }

  @Bean
  BotInbox botInbox(
      ChatPorts ports,
      Messages messages,
      JobService jobs,
      AssetStore assets,
      MediaInspector inspector,
      ModelCatalog catalog,
      ProviderRouter router,
      DataSource dataSource,
      QuotaLedger quota,
      JobTexts jobTexts,
      StatusReporter status,
      SeedanceProperties seedance,
      Clock clock) {
    Replies replies = new Replies(messages);
    ChatSettingsStore settings = new ChatSettingsStore(dataSource, CORE_JSON);
    ModelChooser models = new ModelChooser(catalog, router, settings, seedance.model());
    QuotaTextFormatter quotaTexts = new QuotaTextFormatter(messages);
    InfoCommands info =
        new InfoCommands(
            jobs,
            jobTexts,
            quota,
            quotaTexts,
            models,
            new ModelListFormatter(messages),
            new HelpText(messages),
            settings,
            replies,
            clock);
    FollowUps followUps =
        new FollowUps(
            jobs, status, replies, quotaTexts, models, assets, clock, RandomGenerator.getDefault());
    return new CommandHandler(
        new CommandParser(null),
        ports,
        replies,
        jobs,
        new AttachmentIntake(assets, inspector, MAX_ATTACHMENT_BYTES),
        models,
        info,
        followUps);
  }

  private static String trimSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static MediaInfo videoInfo(MediaInspector inspector, Path file) {
    try {
      MediaInspection inspection = inspector.inspect(file);
      if (inspection instanceof MediaInspection.Supported ok) {
        return ok.info();
      }
      return MediaInfo.unknown();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
