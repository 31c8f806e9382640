package com.seedancebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** How a failure reads in a log line: class, message and every cause, never the token. */
class FailuresTest {
  private static final String TOKEN = "123456:ABC-secret";
  private static final TokenRedactor REDACTOR = new TokenRedactor(TOKEN);

  @Test
  void namesEveryCauseDownToTheRoot() {
    ConnectException root = new ConnectException("Connection refused");
    IOException io = new IOException("Failed to connect to /127.0.0.1:9", root);

    assertThat(Failures.describe(new RuntimeException(io), REDACTOR))
        .isEqualTo(
            "RuntimeException: java.io.IOException: Failed to connect to /127.0.0.1:9"
                + " <- ConnectException: Connection refused");
  }

  @Test
  void exceptionsWithoutMessagesStillSaySomething() {
    assertThat(Failures.describe(new IllegalStateException(new NullPointerException()), REDACTOR))
        .isEqualTo("IllegalStateException: java.lang.NullPointerException");
    assertThat(Failures.describe(new IOException(), REDACTOR)).isEqualTo("IOException");
  }

  @Test
  void theTokenIsMasked() {
    IOException io = new IOException("GET http://api/bot" + TOKEN + "/getMe failed");

    assertThat(Failures.describe(io, REDACTOR))
        .doesNotContain(TOKEN)
        .contains("/bot<bot-token>/getMe");
    assertThat(Failures.describe(REDACTOR.redact(io), REDACTOR))
        .isEqualTo("java.io.IOException: GET http://api/bot<bot-token>/getMe failed");
  }
}
