package com.seedancebot.core.asset;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.provider.ResolvedMedia;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.MediaInput;
import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaRole;
import com.seedancebot.core.request.MediaSource;
import com.seedancebot.core.testing.TestClock;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The URLs providers get for stored attachments, from a store that cannot presign. */
public class MediaUrlResolverTest {

  @TempDir Path dir;
  private final SignedUrls signed =
      new SignedUrls(URI.create("https://bot.example"), new byte[32], TestClock.atDefaultStart());

  @Test
  void imagesAreInlinedWhenAllowedAndVideosGetTheBotsSignedLink() throws Exception {
    AssetStore store = new LocalDiskAssetStore(dir);
    byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
    String image = store.store(new ByteArrayInputStream(png), "png");
    String video = store.store(new ByteArrayInputStream(new byte[100]), "mp4");
    var resolver = new MediaUrlResolver(store, signed, Duration.ofHours(1), ProviderLinks.BOT);

    List<ResolvedMedia> urls = resolver.resolve(List.of(input(image), input(video)), true);

    assertThat(urls.get(0).url())
        .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(png));
    assertThat(urls.get(1).url()).startsWith("https://bot.example/files/" + video + "?exp=");
  }

  @Test
  void presignedLinksFallBackToTheBotsLinkWhenTheStoreCannotPresign() throws Exception {
    AssetStore store = new LocalDiskAssetStore(dir);
    String image = store.store(new ByteArrayInputStream(new byte[10]), "png");
    var resolver =
        new MediaUrlResolver(store, signed, Duration.ofHours(1), ProviderLinks.PRESIGNED);

    List<ResolvedMedia> urls = resolver.resolve(List.of(input(image)), false);

    assertThat(urls.get(0).url()).startsWith("https://bot.example/files/" + image + "?exp=");
  }

  public static MediaInput input(String assetId) {
    MediaKind kind = assetId.endsWith(".mp4") ? MediaKind.VIDEO : MediaKind.IMAGE;
    return new MediaInput(
        kind == MediaKind.VIDEO ? MediaRole.REFERENCE : MediaRole.FIRST_FRAME,
        kind,
        new MediaSource.Stored(assetId),
        MediaInfo.unknown());
  }
}
