package com.seedancebot.core.request;

import static com.seedancebot.core.request.ModelFamily.ARK;
import static com.seedancebot.core.request.ModelFamily.GATEWAY;
import static com.seedancebot.core.request.ModelFamily.GLOBALAIOPC;
import static com.seedancebot.core.request.ModelSeries.SEEDANCE_1_0;
import static com.seedancebot.core.request.ModelSeries.SEEDANCE_1_5;
import static com.seedancebot.core.request.ModelSeries.SEEDANCE_2_0;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The models of PROVIDERS.md, section by section. Where the documents leave a gap, the choices are:
 * the 1.0 series reference mode (Ark 1.0 lite i2v, and the gateway's 1.0 pro, which seed 001 says
 * takes references) accepts 1–4 reference images and never at 1080p (seed 001's table); BytePlus
 * 2.0 fast is {@code dreamina-seedance-2-0-fast-260128}, like 2.0; gateway models have no {@code
 * -1} duration (not documented); GlobalAiOpc has no resolution or seed parameter, so its models
 * list the one resolution the cost estimate assumes (720p) and {@code seed = false}, and its plain
 * models take no frames (they need a reference video, and frames exclude references). Offline
 * inference ({@code service_tier=flex}) is offered by every Ark 1.x model and draft mode by 1.5 pro
 * only (PROVIDERS.md's model table); the gateway and GlobalAiOpc document neither.
 */
final class StandardModels {

  static final Set<String> ALL_RATIOS =
      Set.of("16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "adaptive");
  static final Set<String> FIXED_RATIOS = Set.of("16:9", "4:3", "1:1", "3:4", "9:16", "21:9");
  static final Set<String> UP_TO_1080P = Set.of("480p", "720p", "1080p");
  static final Set<String> UP_TO_720P = Set.of("480p", "720p");

  private StandardModels() {}

  static List<ModelSpec> all() {
    List<ModelSpec> models = new ArrayList<>();
    models.addAll(ark("doubao-seedance-", "", ""));
    models.addAll(ark("seedance-", "bp-", " (BytePlus)"));
    models.addAll(gateway());
    models.addAll(globalAiOpc());
    return models;
  }

  /** Volcengine Ark ids, or BytePlus ModelArk's ({@code seedance-…}, {@code dreamina-…}). */
  private static List<ModelSpec> ark(String prefix, String aliasPrefix, String labelSuffix) {
    Capabilities lite =
        Capabilities.builder()
            .durations(2, 12, false, 5)
            .ratios(ALL_RATIOS, "16:9", "adaptive")
            .resolutions(UP_TO_1080P, "720p")
            .modes(true, false, false)
            .tiers(false, true)
            .build();
    Capabilities liteI2v =
        lite.toBuilder()
            .modes(false, true, true)
            .ratios(ALL_RATIOS, "adaptive", "adaptive")
            .references(4, 0, 0)
            .referenceImageResolutions(UP_TO_720P)
            .build();
    Capabilities pro =
        lite.toBuilder().resolutions(UP_TO_1080P, "1080p").modes(true, true, true).build();
    Capabilities proFast = pro.toBuilder().modes(true, true, false).build();
    Capabilities v15 =
        pro.toBuilder()
            .durations(4, 12, true, 5)
            .ratios(ALL_RATIOS, "adaptive", "adaptive")
            .resolutions(UP_TO_1080P, "720p")
            .audio(true, true)
            .tiers(true, true)
            .build();
    Capabilities v20 =
        v15.toBuilder()
            .tiers(false, false)
            .durations(4, 15, true, 5)
            .references(9, 3, 3)
            .assetIds(true)
            .webSearch(true)
            .build();
    Capabilities v20Fast = v20.toBuilder().resolutions(UP_TO_720P, "720p").build();
    String v2Prefix = prefix.startsWith("seedance-") ? "dreamina-seedance-" : prefix;
    return List.of(
        new ModelSpec(
            prefix + "1-0-lite-t2v-250428",
            ARK,
            aliasPrefix + "lite",
            "Seedance 1.0 Lite T2V" + labelSuffix,
            lite,
            SEEDANCE_1_0),
        new ModelSpec(
            prefix + "1-0-lite-i2v-250428",
            ARK,
            aliasPrefix + "lite-i2v",
            "Seedance 1.0 Lite I2V" + labelSuffix,
            liteI2v,
            SEEDANCE_1_0),
        new ModelSpec(
            prefix + "1-0-pro-250528",
            ARK,
            aliasPrefix + "pro",
            "Seedance 1.0 Pro" + labelSuffix,
            pro,
            SEEDANCE_1_0),
        new ModelSpec(
            prefix + "1-0-pro-fast-251015",
            ARK,
            aliasPrefix + "pro-fast",
            "Seedance 1.0 Pro Fast" + labelSuffix,
            proFast,
            SEEDANCE_1_0),
        new ModelSpec(
            prefix + "1-5-pro-251215",
            ARK,
            aliasPrefix + "1.5",
            "Seedance 1.5 Pro" + labelSuffix,
            v15,
            SEEDANCE_1_5),
        new ModelSpec(
            v2Prefix + "2-0-260128",
            ARK,
            aliasPrefix + "2.0",
            "Seedance 2.0" + labelSuffix,
            v20,
            SEEDANCE_2_0),
        new ModelSpec(
            v2Prefix + "2-0-fast-260128",
            ARK,
            aliasPrefix + "fast",
            "Seedance 2.0 Fast" + labelSuffix,
            v20Fast,
            SEEDANCE_2_0));
  }

  /** The OpenAI-style gateway (seeds 000–002): 480p and silent by default, no {@code -1}. */
  private static List<ModelSpec> gateway() {
    Capabilities v20 =
        Capabilities.builder()
            .durations(4, 15, false, 5)
            .ratios(ALL_RATIOS, "16:9", "16:9")
            .resolutions(UP_TO_1080P, "480p")
            .audio(true, false)
            .modes(true, true, true)
            .references(9, 3, 3)
            .assetIds(true)
            .webSearch(true)
            .build();
    Capabilities v20Fast = v20.toBuilder().resolutions(UP_TO_720P, "480p").build();
    Capabilities face = v20.toBuilder().assetIds(false).build();
    Capabilities fastFace = v20Fast.toBuilder().assetIds(false).build();
    Capabilities v10Pro =
        Capabilities.builder()
            .durations(2, 12, false, 5)
            .ratios(FIXED_RATIOS, "16:9", "16:9")
            .resolutions(UP_TO_1080P, "1080p")
            .referenceImageResolutions(UP_TO_720P)
            .modes(true, true, true)
            .references(4, 0, 0)
            .build();
    return List.of(
        new ModelSpec("doubao-seedance-2.0", GATEWAY, "2.0", "Seedance 2.0", v20, SEEDANCE_2_0),
        new ModelSpec(
            "doubao-seedance-2.0-fast",
            GATEWAY,
            "fast",
            "Seedance 2.0 Fast",
            v20Fast,
            SEEDANCE_2_0),
        new ModelSpec(
            "doubao-seedance-2.0-face", GATEWAY, "face", "Seedance 2.0 Face", face, SEEDANCE_2_0),
        new ModelSpec(
            "doubao-seedance-2.0-fast-face",
            GATEWAY,
            "fast-face",
            "Seedance 2.0 Fast Face",
            fastFace,
            SEEDANCE_2_0),
        new ModelSpec(
            "doubao-seedance-1-0-pro-fast",
            GATEWAY,
            "pro-fast",
            "Seedance 1.0 Pro Fast",
            v10Pro,
            SEEDANCE_1_0),
        new ModelSpec(
            "doubao-seedance-1-0-pro-quality",
            GATEWAY,
            "pro",
            "Seedance 1.0 Pro Quality",
            v10Pro,
            SEEDANCE_1_0));
  }

  /** GlobalAiOpc (seed 004): prompt always required, sound on by default, no resolution or seed. */
  private static List<ModelSpec> globalAiOpc() {
    Capabilities pro =
        Capabilities.builder()
            .durations(4, 15, false, 5)
            .ratios(ALL_RATIOS, "16:9", "16:9")
            .resolutions(Set.of("720p"), "720p")
            .audio(true, true)
            .modes(true, true, true)
            .references(9, 3, 3)
            .promptRequired(true)
            .assetIds(true)
            .seed(false)
            .build();
    // the plain models only work from reference videos, and frames exclude references
    Capabilities referenceOnly =
        pro.toBuilder().modes(false, false, false).requiresReferenceVideo(true).build();
    return List.of(
        new ModelSpec(
            "seedance_2_0", GLOBALAIOPC, "2.0", "Seedance 2.0", referenceOnly, SEEDANCE_2_0),
        new ModelSpec(
            "seedance_2_0_fast",
            GLOBALAIOPC,
            "fast",
            "Seedance 2.0 Fast",
            referenceOnly,
            SEEDANCE_2_0),
        new ModelSpec(
            "seedance_2_0_pro", GLOBALAIOPC, "pro", "Seedance 2.0 Pro", pro, SEEDANCE_2_0),
        new ModelSpec(
            "seedance_2_0_fast_pro",
            GLOBALAIOPC,
            "fast-pro",
            "Seedance 2.0 Fast Pro",
            pro,
            SEEDANCE_2_0));
  }
}
