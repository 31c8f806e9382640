package com.seedancebot.app.config;

import com.seedancebot.app.metrics.MeteredQuotaLedger;
import com.seedancebot.app.web.CallbackController;
import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.FreeSpaceGuard;
import com.seedancebot.core.asset.MediaInspection;
import com.seedancebot.core.asset.MediaInspector;
import com.seedancebot.core.asset.SignedUrls;
import com.seedancebot.core.bot.ChatSettingsStore;
import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.delivery.ChatPort;
import com.seedancebot.core.delivery.ChatPorts;
import com.seedancebot.core.delivery.JobTexts;
import com.seedancebot.core.governance.Governance;
import com.seedancebot.core.job.CallbackIntake;
import com.seedancebot.core.job.InstanceIds;
import com.seedancebot.core.job.JdbcJobRepository;
import com.seedancebot.core.job.JobRepository;
import com.seedancebot.core.job.JobService;
import com.seedancebot.core.job.JobSettings;
import com.seedancebot.core.job.JobTelemetry;
import com.seedancebot.core.pipeline.BotAssembly;
import com.seedancebot.core.pipeline.Pipeline;
import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.quota.JdbcQuotaLedger;
import com.seedancebot.core.quota.QuotaLedger;
import com.seedancebot.core.request.CostEstimator;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.request.ModelFamily;
import io.micrometer.core.instrument.MeterRegistry;
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
  JobSettings jobSettings(BotProperties bot, PipelineProperties pipeline) {
    return JobSettings.defaults(bot.pollInterval())
        .withInstanceId(
            bot.instanceId() != null ? bot.instanceId() : InstanceIds.loadOrCreate(bot.dataDir()))
        .withLeaseTime(pipeline.leaseTime());
  }

  @Bean
  JobRepository jobRepository(DataSource dataSource) {
    return new JdbcJobRepository(dataSource, CORE_JSON);
  }

  @Bean
  QuotaLedger quotaLedger(DataSource dataSource, QuotaProperties quota, MeterRegistry registry) {
    return new MeteredQuotaLedger(new JdbcQuotaLedger(dataSource, quota.toLimits()), registry);
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
  BotAssembly botAssembly(
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
      Messages messages,
      CostEstimator costs,
      DataSource dataSource,
      SeedanceProperties seedance,
      Clock clock,
      BotProperties bot,
      GovernanceProperties governance,
      QuotaProperties quotaSettings,
      JobTelemetry telemetry,
      StorageProperties storage,
      FreeSpaceGuard freeSpace) {
    Pipeline.Builder stages =
        Pipeline.builder()
            .jobs(jobs)
            .quota(quota)
            .providers(router)
            .catalog(catalog)
            .storage(assets, signedUrls)
            .providerLinks(storage.s3().providerLinks())
            .chats(ports, texts)
            .settings(settings)
            .pipelineSettings(pipeline.toSettings(bot.tickInterval()))
            .soleInstance(EmbeddedDatabase.isEmbedded(dataSource))
            .clock(clock)
            .telemetry(telemetry)
            .videoInfo(file -> videoInfo(inspector, file))
            .callbackBase(
                provider ->
                    bot.callbacksEnabled() && provider.family() == ModelFamily.ARK
                        ? trimSlash(bot.publicUrl().toString()) + CallbackController.PATH_PREFIX
                        : null);
    return BotAssembly.build(
        stages,
        new BotAssembly.Commands(
            messages,
            new ChatSettingsStore(dataSource, CORE_JSON),
            inspector,
            MAX_ATTACHMENT_BYTES,
            costs,
            seedance.model(),
            null,
            RandomGenerator.getDefault(),
            freeSpace),
        new Governance(dataSource, governance.toRules(), quotaSettings.toTiers()));
  }

  @Bean
  Pipeline pipeline(BotAssembly assembly) {
    return assembly.pipeline();
  }

  @Bean
  CallbackIntake callbackIntake(Pipeline pipeline) {
    return pipeline.callbacks();
  }

  @Bean
  JobService jobService(BotAssembly assembly) {
    return assembly.jobs();
  }

  @Bean
  BotInbox botInbox(BotAssembly assembly) {
    return assembly.inbox();
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
