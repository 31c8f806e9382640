package com.seedancebot.core.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the link-signing key comes from, and how a weak configured key is refused. */
class SigningKeysTest {

  @TempDir Path dataDir;

  @Test
  void aConfiguredBase64KeyIsDecodedAndNoKeyFileIsWritten() {
    byte[] random = new byte[32];
    random[0] = 42;
    String configured = Base64.getEncoder().encodeToString(random);

    assertThat(SigningKeys.resolve(configured, dataDir)).isEqualTo(random);
    assertThat(SigningKeys.resolve(" " + configured + "\n", dataDir)).isEqualTo(random);
    assertThat(dataDir.resolve("signing.key")).doesNotExist();
  }

  @Test
  void aLongRandomStringThatIsNoBase64OfEnoughBytesIsTakenAsText() {
    String configured = "correct-horse-battery-staple-and-more!";

    assertThat(SigningKeys.resolve(configured, dataDir))
        .isEqualTo(configured.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aShortKeyIsRefusedWithAMessageThatSaysWhatToSetAndNeverShowsTheKey() {
    String weak = "hunter2-hunter2";

    assertThatThrownBy(() -> SigningKeys.resolve(weak, dataDir))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BOT_SIGNING_KEY is too short")
        .hasMessageContaining("at least 32")
        .hasMessageContaining("openssl rand -base64 32")
        .hasMessageNotContaining(weak);
  }

  @Test
  void withoutAConfiguredKeyOneIsCreatedInTheDataDirectoryOnceForTheOwnerOnly() throws Exception {
    byte[] first = SigningKeys.resolve(null, dataDir);
    byte[] second = SigningKeys.resolve("  ", dataDir);

    assertThat(first).hasSize(32).isEqualTo(second);
    assertThat(Files.readAllBytes(dataDir.resolve("signing.key"))).isEqualTo(first);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("signing.key"))))
        .isEqualTo("rw-------");
  }
}
