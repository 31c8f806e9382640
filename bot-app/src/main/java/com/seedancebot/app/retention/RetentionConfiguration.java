package com.seedancebot.app.retention;

import com.seedancebot.app.config.BotProperties;
import com.seedancebot.app.config.RetentionProperties;
import com.seedancebot.app.metrics.MetricNames;
import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.FreeSpaceGuard;
import com.seedancebot.core.asset.JdbcRetainedFiles;
import com.seedancebot.core.asset.Retention;
import com.seedancebot.core.bot.InstructionPrompts;
import com.seedancebot.core.provider.simulator.SimulatorSweeper;
import com.seedancebot.core.retention.Sweeper;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the disk from filling up: the {@link Retention} sweep every {@code BOT_RETENTION_INTERVAL}
 * (stored files, the simulator's files, the Edit / Extend questions asked, and every other {@link
 * Sweeper} bean, such as the playground's transcripts; jobs and storyboards stay, as {@code
 * /history} lists them), the {@link FreeSpaceGuard} that refuses new jobs below {@code
 * BOT_MIN_FREE_DISK}, and the {@code seedance.storage.free} gauge (free bytes of {@code
 * BOT_DATA_DIR}).
 */
@Configuration(proxyBeanMethods = false)
public class RetentionConfiguration {

  /** The usable bytes of the file system holding {@code BOT_DATA_DIR}. */
  @Bean
  LongSupplier dataDirFreeBytes(BotProperties bot) {
    return () -> bot.dataDir().toFile().getUsableSpace();
  }

  @Bean
  FreeSpaceGuard freeSpaceGuard(LongSupplier dataDirFreeBytes, RetentionProperties retention) {
    return new FreeSpaceGuard(dataDirFreeBytes, retention.minFreeDisk().toBytes());
  }

  @Bean
  MeterBinder storageFreeGauge(LongSupplier dataDirFreeBytes) {
    return registry ->
        Gauge.builder(MetricNames.STORAGE_FREE, () -> dataDirFreeBytes.getAsLong())
            .description("Free bytes of the file system holding BOT_DATA_DIR")
            .baseUnit("bytes")
            .register(registry);
  }

  @Bean
  Retention retention(
      AssetStore assets,
      DataSource dataSource,
      BotProperties bot,
      RetentionProperties retention,
      ObjectProvider<Sweeper> sweepers,
      Clock clock) {
    List<Sweeper> all = new ArrayList<>();
    all.add(new SimulatorSweeper(bot.dataDir().resolve("simulator")));
    all.add(new InstructionPrompts(dataSource));
    sweepers.orderedStream().forEach(all::add);
    return new Retention(assets, new JdbcRetainedFiles(dataSource), all, retention.keep(), clock);
  }

  @Bean
  SmartLifecycle retentionSchedule(Retention retention, RetentionProperties settings) {
    return new RetentionSchedule(retention, settings.interval());
  }
}
