package com.seedancebot.core.request;

import static com.seedancebot.core.request.ModelFamily.ARK;
import static com.seedancebot.core.request.ModelFamily.GATEWAY;
import static com.seedancebot.core.request.ModelFamily.GLOBALAIOPC;
import static com.seedancebot.core.request.RequestFixtures.model;
import static com.seedancebot.core.request.RequestFixtures.request;
import static com.seedancebot.core.request.RequestFixtures.video;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CostEstimatorTest {

  private final ModelSpec v20 = model(ARK, "2.0");
  private final CostEstimator tokensOnly = new CostEstimator();

  @Test
  void reproducesObservedBills() {
    CostEstimate fiveSeconds =
        tokensOnly.estimate(
            request().ratio("16:9").resolution("720p").duration(5).forModel(v20), v20);

    assertThat(fiveSeconds.size()).isEqualTo(new OutputSize(1280, 720));
    assertThat(fiveSeconds.tokens()).isEqualTo(108_900);
    assertThat(tokensOnly.estimate(request().ratio("16:9").duration(4).forModel(v20), v20).tokens())
        .isEqualTo(87_300);
    assertThat(
            tokensOnly
                .estimate(
                    request().ratio("16:9").resolution("1080p").duration(5).forModel(v20), v20)
                .tokens())
        .isEqualTo(245_025);
  }

  @Test
  void assumesSixteenByNineForAdaptiveAndTheLongestClipForAuto() {
    CostEstimate estimate = tokensOnly.estimate(request().duration(-1).forModel(v20), v20);

    assertThat(estimate.size()).isEqualTo(new OutputSize(1280, 720));
    assertThat(estimate.seconds()).isEqualTo(15);
    assertThat(estimate.tokens()).isEqualTo(900L * 361);
  }

  @Test
  void usesTheOnePointZeroPixelTable() {
    ModelSpec pro = model(ARK, "pro");

    CostEstimate estimate =
        tokensOnly.estimate(request().resolution("720p").duration(5).forModel(pro), pro);

    assertThat(estimate.size()).isEqualTo(new OutputSize(1248, 704));
    assertThat(estimate.tokens()).isEqualTo(858L * 121);
    assertThat(OutputSize.of(ModelSeries.SEEDANCE_1_0, "21:9", "1080p"))
        .isEqualTo(new OutputSize(2176, 928));
    assertThat(OutputSize.of(ModelSeries.SEEDANCE_2_0, "21:9", "1080p"))
        .isEqualTo(new OutputSize(2206, 946));
    assertThat(OutputSize.of(ModelSeries.SEEDANCE_1_5, "3:4", "720p"))
        .isEqualTo(new OutputSize(834, 1112));
  }

  @Test
  void usesEachFamilysDefaultsAndRoundsUp() {
    ModelSpec gateway = model(GATEWAY, "2.0");
    ModelSpec opc = model(GLOBALAIOPC, "pro");

    CostEstimate gatewayDefault = tokensOnly.estimate(request().forModel(gateway), gateway);

    assertThat(gatewayDefault.size()).isEqualTo(new OutputSize(864, 496));
    assertThat(gatewayDefault.tokens()).isEqualTo(50_639); // 50,638.5 rounded up
    assertThat(tokensOnly.estimate(request().forModel(opc), opc).tokens()).isEqualTo(108_900);
  }

  @Test
  void pricesTokensWhenConfigured() {
    ModelSpec v15 = model(ARK, "1.5");
    ModelSpec pro = model(ARK, "pro");
    PriceTable prices =
        new PriceTable(
            "CNY",
            Map.of(
                v20.id(), new ModelPrice(new BigDecimal("46"), null, new BigDecimal("28")),
                v15.id(), new ModelPrice(new BigDecimal("16"), new BigDecimal("8"), null),
                pro.id(), ModelPrice.flat(new BigDecimal("15"))));
    CostEstimator estimator = new CostEstimator(prices);

    assertThat(estimator.estimate(request().ratio("16:9").forModel(v20), v20).money())
        .contains(new Money(new BigDecimal("5.009400"), "CNY"));
    assertThat(estimator.estimate(request().ratio("16:9").with(video(5)).forModel(v20), v20).cost())
        .isEqualTo(new Money(new BigDecimal("3.049200"), "CNY"));
    assertThat(estimator.estimate(request().ratio("16:9").audio(false).forModel(v15), v15).cost())
        .isEqualTo(new Money(new BigDecimal("0.871200"), "CNY"));
    assertThat(estimator.estimate(request().ratio("16:9").forModel(v15), v15).cost())
        .isEqualTo(new Money(new BigDecimal("1.742400"), "CNY"));
    assertThat(
            estimator.estimate(request().forModel(model(ARK, "fast")), model(ARK, "fast")).money())
        .isEmpty();
  }

  @Test
  void offlineInferenceCostsHalfAndADraftIsPricedAt480p() {
    ModelSpec v15 = model(ARK, "1.5");
    CostEstimator estimator =
        new CostEstimator(
            new PriceTable("CNY", Map.of(v15.id(), ModelPrice.flat(new BigDecimal("16")))));

    CostEstimate online = estimator.estimate(request().ratio("16:9").forModel(v15), v15);
    CostEstimate flex = estimator.estimate(request().ratio("16:9").flex().forModel(v15), v15);
    CostEstimate draft = estimator.estimate(request().ratio("16:9").draft().forModel(v15), v15);

    assertThat(flex.tokens()).isEqualTo(online.tokens());
    assertThat(flex.cost().amount())
        .isEqualByComparingTo(online.cost().amount().divide(BigDecimal.valueOf(2)));
    assertThat(draft.size().width()).isEqualTo(864);
    assertThat(draft.tokens()).isLessThan(online.tokens());
  }
}
