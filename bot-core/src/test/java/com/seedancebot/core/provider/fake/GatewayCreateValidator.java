package com.seedancebot.core.provider.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks a gateway {@code POST /v1/videos/generations} body against PROVIDERS.md §2 and seeds
 * 000–002. Stricter than known: unknown fields are refused, so a client that sends Ark-only fields
 * (watermark, callback_url) is caught. Stateless.
 */
final class GatewayCreateValidator {

  static final Set<String> MODELS_V2 =
      Set.of(
          "doubao-seedance-2.0",
          "doubao-seedance-2.0-fast",
          "doubao-seedance-2.0-face",
          "doubao-seedance-2.0-fast-face");
  static final Set<String> MODELS_V10 =
      Set.of("doubao-seedance-1-0-pro-fast", "doubao-seedance-1-0-pro-quality");
  private static final Set<String> FIELDS =
      Set.of(
          "model",
          "prompt",
          "duration",
          "size",
          "aspect_ratio",
          "resolution",
          "seed",
          "generate_audio",
          "return_last_frame",
          "tools",
          "image_urls",
          "image_with_roles",
          "video_urls",
          "audio_urls");
  private static final Set<String> RATIOS = Set.of("16:9", "4:3", "1:1", "3:4", "9:16", "21:9");
  private static final Set<String> ROLES = Set.of("first_frame", "last_frame", "reference_image");

  /** A media URL of the request with the kind it is used as. */
  record Media(String kind, String url) {}

  private GatewayCreateValidator() {}

  static Optional<String> validate(JsonNode body, List<Media> media) {
    for (String f : body.propertyNames()) {
      if (!FIELDS.contains(f)) {
        return Optional.of("Unknown parameter: " + f);
      }
    }
    String model = body.path("model").asString("");
    boolean v10 = MODELS_V10.contains(model);
    if (!v10 && !MODELS_V2.contains(model)) {
      return Optional.of("Unsupported model: " + model);
    }
    List<String> problems = new ArrayList<>();
    JsonNode prompt = body.get("prompt");
    if (prompt != null && (!prompt.isString() || prompt.stringValue().length() > 4000)) {
      problems.add("prompt must be a string of at most 4000 characters");
    }
    checkInt(body, "duration", v10 ? 2 : 4, v10 ? 12 : 15, problems);
    if (body.has("seed") && !body.get("seed").isIntegralNumber()) {
      problems.add("seed must be an integer");
    }
    if (v10 && body.has("size")) {
      problems.add("size is not supported by " + model + ", use aspect_ratio");
    }
    if (!v10 && body.has("aspect_ratio")) {
      problems.add("aspect_ratio is not supported by " + model + ", use size");
    }
    checkOneOf(body, "size", plus(RATIOS, "adaptive"), problems);
    checkOneOf(body, "aspect_ratio", RATIOS, problems);
    boolean full = v10 || model.equals("doubao-seedance-2.0") || model.endsWith("2.0-face");
    checkOneOf(
        body,
        "resolution",
        full ? Set.of("480p", "720p", "1080p") : Set.of("480p", "720p"),
        problems);
    for (String f : List.of("generate_audio", "return_last_frame")) {
      if (body.has(f) && !body.get(f).isBoolean()) {
        problems.add(f + " must be a boolean");
      }
    }
    if (v10 && body.has("generate_audio")) {
      problems.add("generate_audio is not supported by " + model);
    }
    JsonNode tools = body.get("tools");
    if (tools != null
        && (!tools.isArray()
            || tools.size() != 1
            || !"web_search".equals(tools.get(0).path("type").asString("")))) {
      problems.add("tools must be [{\"type\":\"web_search\"}]");
    }
    if (!problems.isEmpty()) {
      return Optional.of(problems.get(0));
    }
    return mediaRules(body, model, v10, media);
  }

  private static Optional<String> mediaRules(
      JsonNode body, String model, boolean v10, List<Media> media) {
    if (body.has("image_urls") && body.has("image_with_roles")) {
      return Optional.of("image_urls and image_with_roles cannot be used together");
    }
    Optional<String> urls =
        firstPresent(
            strings(body, "image_urls", 9, "image", media),
            strings(body, "video_urls", 3, "video", media),
            strings(body, "audio_urls", 3, "audio", media));
    if (urls.isPresent()) {
      return urls;
    }
    int firsts = 0;
    int lasts = 0;
    JsonNode roles = body.get("image_with_roles");
    if (roles != null) {
      if (!roles.isArray() || roles.isEmpty() || roles.size() > 9) {
        return Optional.of("image_with_roles must be an array of 1 to 9 items");
      }
      for (JsonNode r : roles) {
        if (!r.isObject() || r.size() != 2 || !r.path("url").isString()) {
          return Optional.of("image_with_roles items are {url, role}");
        }
        String role = r.path("role").asString("");
        if (!ROLES.contains(role)) {
          return Optional.of("invalid role: " + role);
        }
        firsts += role.equals("first_frame") ? 1 : 0;
        lasts += role.equals("last_frame") ? 1 : 0;
        media.add(new Media("image", r.path("url").stringValue()));
      }
    }
    boolean videoOrAudio = body.has("video_urls") || body.has("audio_urls");
    if (firsts > 1 || lasts > 1 || (lasts == 1 && firsts == 0)) {
      return Optional.of("one first_frame, optionally one last_frame");
    }
    if (firsts + lasts > 0 && videoOrAudio) {
      return Optional.of("video_urls and audio_urls cannot be used with first/last frames");
    }
    if (v10 && videoOrAudio) {
      return Optional.of("reference video and audio are not supported by " + model);
    }
    if (body.has("audio_urls")
        && !body.has("video_urls")
        && media.stream().noneMatch(m -> m.kind().equals("image"))) {
      return Optional.of("audio_urls need a reference image or video");
    }
    boolean assetsAllowed =
        model.equals("doubao-seedance-2.0") || model.equals("doubao-seedance-2.0-fast");
    if (!assetsAllowed && media.stream().anyMatch(m -> m.url().startsWith("asset://"))) {
      return Optional.of("asset:// URLs are not supported by " + model);
    }
    String prompt = body.path("prompt").asString("");
    if (prompt.isBlank() && media.isEmpty()) {
      return Optional.of("prompt is required for text-to-video");
    }
    return Optional.empty();
  }

  private static Optional<String> strings(
      JsonNode body, String field, int max, String kind, List<Media> media) {
    JsonNode v = body.get(field);
    if (v == null) {
      return Optional.empty();
    }
    if (!v.isArray() || v.isEmpty() || v.size() > max) {
      return Optional.of(field + " must be an array of 1 to " + max + " URLs");
    }
    for (JsonNode u : v) {
      if (!u.isString() || u.stringValue().isBlank()) {
        return Optional.of(field + " must contain URLs");
      }
      media.add(new Media(kind, u.stringValue()));
    }
    return Optional.empty();
  }

  @SafeVarargs
  private static Optional<String> firstPresent(Optional<String>... all) {
    for (Optional<String> o : all) {
      if (o.isPresent()) {
        return o;
      }
    }
    return Optional.empty();
  }

  private static void checkInt(JsonNode body, String f, int min, int max, List<String> problems) {
    JsonNode v = body.get(f);
    if (v != null && (!v.isIntegralNumber() || v.asInt() < min || v.asInt() > max)) {
      problems.add(f + " must be an integer from " + min + " to " + max);
    }
  }

  private static void checkOneOf(JsonNode body, String f, Set<String> ok, List<String> problems) {
    JsonNode v = body.get(f);
    if (v != null && (!v.isString() || !ok.contains(v.stringValue()))) {
      problems.add(f + " must be one of " + ok);
    }
  }

  private static Set<String> plus(Set<String> set, String extra) {
    java.util.HashSet<String> all = new java.util.HashSet<>(set);
    all.add(extra);
    return all;
  }
}
