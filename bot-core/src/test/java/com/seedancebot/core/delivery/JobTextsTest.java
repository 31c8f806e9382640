package com.seedancebot.core.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.request.CostEstimator;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.request.ModelPrice;
import com.seedancebot.core.request.PriceTable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobTextsTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private final ModelCatalog catalog = ModelCatalog.standard();

  @Test
  void theQueuedStatusShowsPositionModelOptionsAndTheTokenEstimate() {
    JobTexts texts = new JobTexts(new Messages(), catalog);

    assertThat(texts.status(job(Locale.ENGLISH), 2, NOW))
        .isEqualTo(
            "⏳ Job abc234 is queued — position 2 in line.\n"
                + "Seedance 2.0 · 5 s · 720p · 16:9 · about 108,900 tokens");
  }

  @Test
  void aConfiguredPriceAddsTheEstimatedMoney() {
    PriceTable prices =
        new PriceTable(
            "CNY", Map.of("doubao-seedance-2-0-260128", ModelPrice.flat(new BigDecimal("46"))));
    JobTexts texts = new JobTexts(new Messages(), catalog, new CostEstimator(prices));

    assertThat(texts.summary(job(Locale.ENGLISH)))
        .isEqualTo("Seedance 2.0 · 5 s · 720p · 16:9 · about 108,900 tokens · ≈ 5.01 CNY");
    assertThat(texts.summary(job(Locale.CHINESE))).endsWith("约 5.01 CNY");
  }

  private static Job job(Locale locale) {
    var request =
        new GenerationRequest(
            "doubao-seedance-2-0-260128",
            "a fox",
            5,
            "16:9",
            "720p",
            true,
            null,
            true,
            false,
            false,
            List.of());
    var owner = new UserRef(Platform.PLAYGROUND, "u1", "Ann", locale, false);
    return Job.accepted(
        "abc234", owner, ChatRef.of(Platform.PLAYGROUND, "c1"), "m1", request, 108_900, NOW);
  }
}
