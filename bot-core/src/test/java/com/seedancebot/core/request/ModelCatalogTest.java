package com.seedancebot.core.request;

import static com.seedancebot.core.request.ModelFamily.ARK;
import static com.seedancebot.core.request.ModelFamily.GATEWAY;
import static com.seedancebot.core.request.ModelFamily.GLOBALAIOPC;
import static com.seedancebot.core.request.RequestFixtures.image;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

  private final ModelCatalog catalog = ModelCatalog.standard();

  private ModelSpec model(ModelFamily family, String idOrAlias) {
    return catalog.find(family, idOrAlias).orElseThrow();
  }

  @Test
  void holdsEveryModelOfProvidersMd() {
    assertThat(catalog.family(ARK))
        .extracting(ModelSpec::id)
        .contains(
            "doubao-seedance-1-0-lite-t2v-250428",
            "doubao-seedance-1-0-lite-i2v-250428",
            "doubao-seedance-1-0-pro-250528",
            "doubao-seedance-1-0-pro-fast-251015",
            "doubao-seedance-1-5-pro-251215",
            "doubao-seedance-2-0-260128",
            "doubao-seedance-2-0-fast-260128",
            "seedance-1-0-pro-250528",
            "seedance-1-5-pro-251215",
            "dreamina-seedance-2-0-260128",
            "dreamina-seedance-2-0-fast-260128");
    assertThat(catalog.family(GATEWAY))
        .extracting(ModelSpec::id)
        .containsExactlyInAnyOrder(
            "doubao-seedance-2.0",
            "doubao-seedance-2.0-fast",
            "doubao-seedance-2.0-face",
            "doubao-seedance-2.0-fast-face",
            "doubao-seedance-1-0-pro-fast",
            "doubao-seedance-1-0-pro-quality");
    assertThat(catalog.family(GLOBALAIOPC))
        .extracting(ModelSpec::id)
        .containsExactlyInAnyOrder(
            "seedance_2_0", "seedance_2_0_fast", "seedance_2_0_pro", "seedance_2_0_fast_pro");
    assertThat(catalog.all()).hasSize(catalog.family(ARK).size() + 6 + 4);
  }

  @Test
  void aliasesAreUniqueWithinAFamily() {
    for (ModelFamily family : ModelFamily.values()) {
      List<String> names =
          catalog.family(family).stream()
              .flatMap(
                  m ->
                      m.id().equals(m.alias())
                          ? List.of(m.id()).stream()
                          : List.of(m.id(), m.alias()).stream())
              .map(n -> n.toLowerCase(Locale.ROOT))
              .toList();
      assertThat(names).as(family.name()).doesNotHaveDuplicates();
    }
  }

  @Test
  void findsByAliasOrIdIgnoringCase() {
    assertThat(model(ARK, "FAST").id()).isEqualTo("doubao-seedance-2-0-fast-260128");
    assertThat(model(ARK, " 1.5 ").id()).isEqualTo("doubao-seedance-1-5-pro-251215");
    assertThat(model(ARK, "lite").id()).isEqualTo("doubao-seedance-1-0-lite-t2v-250428");
    assertThat(model(ARK, "lite-i2v").id()).isEqualTo("doubao-seedance-1-0-lite-i2v-250428");
    assertThat(model(GATEWAY, "fast-face").id()).isEqualTo("doubao-seedance-2.0-fast-face");
    assertThat(model(GATEWAY, "pro").id()).isEqualTo("doubao-seedance-1-0-pro-quality");
    assertThat(model(GLOBALAIOPC, "fast-pro").id()).isEqualTo("seedance_2_0_fast_pro");
    assertThat(model(GLOBALAIOPC, "SEEDANCE_2_0").alias()).isEqualTo("2.0");
    assertThat(catalog.find(GATEWAY, "doubao-seedance-2-0-260128")).isEmpty();
    assertThat(catalog.find(ARK, "face")).isEmpty();
    assertThat(catalog.find(ARK, null)).isEmpty();
  }

  @Test
  void defaultsFollowDesignMd() {
    assertThat(catalog.defaultModel(ARK).id()).isEqualTo("doubao-seedance-2-0-260128");
    assertThat(catalog.defaultModel(GATEWAY).id()).isEqualTo("doubao-seedance-2.0");
    assertThat(catalog.defaultModel(GLOBALAIOPC).id()).isEqualTo("seedance_2_0_pro");
  }

  @Test
  void rejectsAnAliasNamingTwoModels() {
    ModelSpec v20 = model(ARK, "2.0");
    ModelSpec fast = model(ARK, "fast");
    ModelSpec clash =
        new ModelSpec(fast.id(), ARK, "2.0", fast.label(), fast.capabilities(), fast.series());

    assertThatThrownBy(() -> new ModelCatalog(List.of(v20, clash)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'2.0'");
  }

  @Test
  void arkCapabilities() {
    Capabilities v20 = model(ARK, "2.0").capabilities();
    assertThat(v20.resolutions()).containsExactlyInAnyOrder("480p", "720p", "1080p");
    assertThat(v20.defaultResolution()).isEqualTo("720p");
    assertThat(v20.defaultRatio()).isEqualTo("adaptive");
    assertThat(v20.autoDuration()).isTrue();
    assertThat(v20.defaultAudio()).isTrue();
    assertThat(v20.webSearch()).isTrue();
    assertThat(v20.assetIds()).isTrue();
    assertThat(v20.maxReferenceImages()).isEqualTo(9);
    assertThat(model(ARK, "fast").capabilities().resolutions()).doesNotContain("1080p");

    Capabilities v15 = model(ARK, "1.5").capabilities();
    assertThat(v15.audio()).isTrue();
    assertThat(v15.maxDuration()).isEqualTo(12);
    assertThat(v15.references()).isFalse();
    assertThat(v15.webSearch()).isFalse();

    for (String alias : List.of("lite", "lite-i2v", "pro", "pro-fast")) {
      Capabilities c = model(ARK, alias).capabilities();
      assertThat(c.audio()).as(alias).isFalse();
      assertThat(c.minDuration()).as(alias).isEqualTo(2);
      assertThat(c.maxDuration()).as(alias).isEqualTo(12);
      assertThat(c.autoDuration()).as(alias).isFalse();
      assertThat(model(ARK, alias).series()).isEqualTo(ModelSeries.SEEDANCE_1_0);
    }
    assertThat(model(ARK, "pro").capabilities().defaultResolution()).isEqualTo("1080p");
    assertThat(model(ARK, "pro-fast").capabilities().lastFrame()).isFalse();
    assertThat(model(ARK, "lite").capabilities().firstFrame()).isFalse();
    assertThat(model(ARK, "lite-i2v").capabilities().textToVideo()).isFalse();
    assertThat(model(ARK, "lite-i2v").capabilities().maxReferenceImages()).isEqualTo(4);
  }

  @Test
  void gatewayCapabilities() {
    for (String alias : List.of("2.0", "fast", "face", "fast-face")) {
      Capabilities c = model(GATEWAY, alias).capabilities();
      assertThat(c.defaultResolution()).as(alias).isEqualTo("480p");
      assertThat(c.defaultAudio()).as(alias).isFalse();
      assertThat(c.audio()).as(alias).isTrue();
      assertThat(c.defaultRatio()).as(alias).isEqualTo("16:9");
      assertThat(c.assetIds()).as(alias).isEqualTo(!alias.contains("face"));
      assertThat(c.resolutions().contains("1080p")).as(alias).isEqualTo(!alias.contains("fast"));
    }
    for (String alias : List.of("pro", "pro-fast")) {
      Capabilities c = model(GATEWAY, alias).capabilities();
      assertThat(c.minDuration()).isEqualTo(2);
      assertThat(c.maxDuration()).isEqualTo(12);
      assertThat(c.ratios()).doesNotContain("adaptive");
      assertThat(c.defaultResolution()).isEqualTo("1080p");
      assertThat(c.audio()).isFalse();
    }
  }

  @Test
  void globalAiOpcCapabilities() {
    for (ModelSpec m : catalog.family(GLOBALAIOPC)) {
      Capabilities c = m.capabilities();
      assertThat(c.defaultAudio()).isTrue();
      assertThat(c.seed()).isFalse();
      assertThat(c.resolutions()).containsExactly("720p");
      assertThat(c.promptRequired()).isTrue();
      assertThat(c.requiresReferenceVideo()).isEqualTo(!m.id().endsWith("_pro"));
    }
  }

  @Test
  void onePointZeroDefaultsTo16by9ForTextAndAdaptiveForImages() {
    ModelSpec pro = model(ARK, "pro");
    GenerationRequest text =
        new GenerationRequest(
            pro.id(), "p", null, null, null, null, null, false, false, false, null);
    GenerationRequest withImage =
        new GenerationRequest(
            pro.id(),
            "p",
            null,
            null,
            null,
            null,
            null,
            false,
            false,
            false,
            List.of(image(MediaRole.FIRST_FRAME)));

    assertThat(text.withDefaults(pro.capabilities()).ratio()).isEqualTo("16:9");
    assertThat(withImage.withDefaults(pro.capabilities()).ratio()).isEqualTo("adaptive");
    assertThat(text.withDefaults(pro.capabilities()).resolution()).isEqualTo("1080p");
  }
}
