package com.seedancebot.app.config;

import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.LocalDiskAssetStore;
import com.seedancebot.core.asset.SignedUrls;
import com.seedancebot.core.asset.SigningKeys;
import com.seedancebot.core.asset.s3.S3AssetStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bot's file storage and link signing: an S3-compatible bucket when {@code
 * BOT_STORAGE_S3_BUCKET} is set (checked at start), the data directory otherwise; links signed with
 * {@code BOT_SIGNING_KEY} when set (its length checked at start), else with the data directory's
 * key, which only this instance knows.
 */
@Configuration(proxyBeanMethods = false)
public class StorageConfiguration {

  private static final Logger log = LoggerFactory.getLogger(StorageConfiguration.class);

  @Bean
  AssetStore assetStore(BotProperties bot, StorageProperties storage) {
    if (!storage.s3().enabled()) {
      return new LocalDiskAssetStore(bot.dataDir());
    }
    return S3AssetStore.connect(storage.s3().toSettings(bot.dataDir(), storage.cacheSize()));
  }

  @Bean
  SignedUrls signedUrls(BotProperties bot, StorageProperties storage, Clock clock) {
    if (storage.hasSigningKey()) {
      log.info("File links are signed with the key from BOT_SIGNING_KEY");
    } else if (storage.s3().enabled()) {
      log.warn(
          "Files are shared in S3 but links are signed with this instance's own key (in {}):"
              + " other instances refuse them. Set the same BOT_SIGNING_KEY on every instance.",
          bot.dataDir());
    }
    return new SignedUrls(
        bot.publicUrl(), SigningKeys.resolve(storage.signingKey(), bot.dataDir()), clock);
  }
}
