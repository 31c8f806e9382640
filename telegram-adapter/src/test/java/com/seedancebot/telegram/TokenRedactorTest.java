package com.seedancebot.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class TokenRedactorTest {
  private static final String TOKEN = "123:ABC-secret";

  @Test
  void masksTheTokenInTextAndWholeExceptionChains() {
    TokenRedactor redactor = new TokenRedactor(TOKEN);
    Exception error =
        new IllegalStateException(
            "call failed", new IOException("GET https://api/bot" + TOKEN + "/getMe refused"));

    Throwable safe = redactor.redact(error);
    StringWriter trace = new StringWriter();
    safe.printStackTrace(new PrintWriter(trace));

    assertThat(redactor.redact("bot" + TOKEN + "/x")).isEqualTo("bot<bot-token>/x");
    assertThat(trace.toString())
        .doesNotContain(TOKEN)
        .contains("java.io.IOException: GET https://api/bot<bot-token>/getMe refused")
        .contains("TokenRedactorTest");
  }
}
