package com.seedancebot.core.provider.fake;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the fake Ark knows about each model (PROVIDERS.md's model table), including the BytePlus
 * ids. {@code ep-…} endpoint ids behave like Seedance 2.0.
 */
record ArkFakeModel(
    String id,
    boolean v2,
    boolean v15,
    int minDuration,
    int maxDuration,
    boolean autoDuration,
    boolean audio,
    boolean textToVideo,
    boolean firstFrame,
    boolean lastFrame,
    int maxReferenceImages,
    boolean referenceMedia,
    boolean has1080p,
    String defaultResolution) {

  private static final List<ArkFakeModel> VOLCENGINE =
      List.of(
          new ArkFakeModel(
              "doubao-seedance-1-0-lite-t2v-250428",
              false,
              false,
              2,
              12,
              false,
              false,
              true,
              false,
              false,
              0,
              false,
              true,
              "720p"),
          new ArkFakeModel(
              "doubao-seedance-1-0-lite-i2v-250428",
              false,
              false,
              2,
              12,
              false,
              false,
              false,
              true,
              true,
              4,
              false,
              true,
              "720p"),
          new ArkFakeModel(
              "doubao-seedance-1-0-pro-250528",
              false,
              false,
              2,
              12,
              false,
              false,
              true,
              true,
              true,
              0,
              false,
              true,
              "1080p"),
          new ArkFakeModel(
              "doubao-seedance-1-0-pro-fast-251015",
              false,
              false,
              2,
              12,
              false,
              false,
              true,
              true,
              false,
              0,
              false,
              true,
              "1080p"),
          new ArkFakeModel(
              "doubao-seedance-1-5-pro-251215",
              false,
              true,
              4,
              12,
              true,
              true,
              true,
              true,
              true,
              0,
              false,
              true,
              "720p"),
          new ArkFakeModel(
              "doubao-seedance-2-0-260128",
              true,
              false,
              4,
              15,
              true,
              true,
              true,
              true,
              true,
              9,
              true,
              true,
              "720p"),
          new ArkFakeModel(
              "doubao-seedance-2-0-fast-260128",
              true,
              false,
              4,
              15,
              true,
              true,
              true,
              true,
              true,
              9,
              true,
              false,
              "720p"));

  private static final Map<String, ArkFakeModel> BY_ID =
      VOLCENGINE.stream()
          .flatMap(
              m ->
                  Stream.of(
                      m,
                      m.withId(m.id().replace("doubao-", "")),
                      m.withId(m.id().replace("doubao-", "dreamina-"))))
          .collect(Collectors.toMap(ArkFakeModel::id, Function.identity(), (a, b) -> a));

  static Optional<ArkFakeModel> find(String id) {
    if (id.startsWith("ep-")) {
      return Optional.of(BY_ID.get("doubao-seedance-2-0-260128").withId(id));
    }
    return Optional.ofNullable(BY_ID.get(id));
  }

  ArkFakeModel withId(String newId) {
    return new ArkFakeModel(
        newId,
        v2,
        v15,
        minDuration,
        maxDuration,
        autoDuration,
        audio,
        textToVideo,
        firstFrame,
        lastFrame,
        maxReferenceImages,
        referenceMedia,
        has1080p,
        defaultResolution);
  }

  /** Ratio used when the request gives none (1.0: 16:9 for text, adaptive with images). */
  String defaultRatio(boolean withImage) {
    return v2 || v15 || withImage ? "adaptive" : "16:9";
  }
}
