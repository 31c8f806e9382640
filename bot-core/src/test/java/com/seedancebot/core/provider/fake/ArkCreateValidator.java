package com.seedancebot.core.provider.fake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Checks an Ark create body the way the real API does (PROVIDERS.md §1): unknown fields, required
 * fields, types, ranges, content items and roles, mode exclusions and per-model limits. Returns the
 * first problem found. Stateless.
 */
final class ArkCreateValidator {

  static final Set<String> FIELDS =
      Set.of(
          "model",
          "content",
          "ratio",
          "resolution",
          "duration",
          "frames",
          "seed",
          "camera_fixed",
          "watermark",
          "generate_audio",
          "return_last_frame",
          "callback_url",
          "execution_expires_after",
          "service_tier",
          "draft",
          "priority",
          "tools",
          "safety_identifier");

  private static final Set<String> ITEM_FIELDS =
      Set.of("type", "text", "image_url", "video_url", "audio_url", "role", "draft_task");
  static final Set<String> RATIOS = Set.of("16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "adaptive");
  private static final Set<String> RESOLUTIONS = Set.of("480p", "720p", "1080p");
  private static final Set<String> IMAGE_ROLES =
      Set.of("first_frame", "last_frame", "reference_image");

  /** One media item of {@code content[]}: its kind, role (null if none) and URL. */
  record Media(String type, String role, String url, String param) {}

  private ArkCreateValidator() {}

  /** The problem with the body, or empty; {@code media} receives the media items in order. */
  static Optional<Rejection> validate(JsonNode body, List<Media> media) {
    for (String f : body.propertyNames()) {
      if (!FIELDS.contains(f)) {
        return Optional.of(Rejection.invalid(f, "unknown parameter"));
      }
    }
    JsonNode modelNode = body.get("model");
    if (modelNode == null || modelNode.isNull()) {
      return Optional.of(Rejection.missing("model"));
    }
    if (!modelNode.isString()) {
      return Optional.of(Rejection.invalid("model", "must be a string"));
    }
    Optional<ArkFakeModel> model = ArkFakeModel.find(modelNode.stringValue());
    if (model.isEmpty()) {
      return Optional.of(
          new Rejection(
              404,
              "InvalidEndpointOrModel.NotFound",
              "model",
              "The model or endpoint "
                  + modelNode.stringValue()
                  + " does not exist or you do not have access to it."));
    }
    ArkFakeModel m = model.get();
    return firstOf(
        content(body, m, media), () -> options(body, m, media), () -> modes(body, m, media));
  }

  private static Optional<Rejection> content(JsonNode body, ArkFakeModel m, List<Media> media) {
    JsonNode content = body.get("content");
    if (content == null || content.isNull()) {
      return Optional.of(Rejection.missing("content"));
    }
    if (!content.isArray() || content.isEmpty()) {
      return Optional.of(Rejection.invalid("content", "must be a non-empty array"));
    }
    int texts = 0;
    int drafts = 0;
    for (int i = 0; i < content.size(); i++) {
      JsonNode item = content.get(i);
      String p = "content[" + i + "]";
      if (!item.isObject()) {
        return Optional.of(Rejection.invalid(p, "must be an object"));
      }
      for (String f : item.propertyNames()) {
        if (!ITEM_FIELDS.contains(f)) {
          return Optional.of(Rejection.invalid(p + "." + f, "unknown parameter"));
        }
      }
      String type = item.path("type").isString() ? item.path("type").stringValue() : null;
      if (type == null) {
        return Optional.of(Rejection.missing(p + ".type"));
      }
      String role = item.path("role").isString() ? item.path("role").stringValue() : null;
      if (item.has("role") && role == null) {
        return Optional.of(Rejection.invalid(p + ".role", "must be a string"));
      }
      switch (type) {
        case "text" -> {
          texts++;
          if (!item.path("text").isString()) {
            return Optional.of(Rejection.missing(p + ".text"));
          }
          if (role != null || texts > 1) {
            return Optional.of(Rejection.invalid(p, "only one text item without role"));
          }
        }
        case "image_url", "video_url", "audio_url" -> {
          Optional<Rejection> r = mediaItem(item, type, role, p, media);
          if (r.isPresent()) {
            return r;
          }
        }
        case "draft_task" -> {
          if (!m.v15() || !item.path("draft_task").path("id").isString()) {
            return Optional.of(Rejection.invalid(p, "draft_task is only for 1.5 pro, with an id"));
          }
          drafts++;
        }
        default -> {
          return Optional.of(Rejection.invalid(p + ".type", "unknown type " + type));
        }
      }
    }
    if (drafts > 0 && content.size() > 1) {
      return Optional.of(Rejection.invalid("content", "a draft_task stands alone"));
    }
    if (texts == 0 && media.isEmpty() && drafts == 0) {
      return Optional.of(Rejection.missing("content.text"));
    }
    return Optional.empty();
  }

  private static Optional<Rejection> mediaItem(
      JsonNode item, String type, String role, String p, List<Media> media) {
    for (String other : List.of("image_url", "video_url", "audio_url", "text")) {
      if (!other.equals(type) && item.has(other)) {
        return Optional.of(Rejection.invalid(p + "." + other, "does not match type " + type));
      }
    }
    JsonNode url = item.path(type).path("url");
    if (!url.isString() || url.stringValue().isBlank()) {
      return Optional.of(Rejection.missing(p + "." + type + ".url"));
    }
    String u = url.stringValue();
    boolean http = u.startsWith("http://") || u.startsWith("https://");
    boolean asset = u.startsWith("asset://");
    switch (type) {
      case "image_url" -> {
        if (role != null && !IMAGE_ROLES.contains(role)) {
          return Optional.of(Rejection.invalid(p + ".role", "invalid role " + role));
        }
        if (!http && !asset && !u.matches("data:image/[a-z]+;base64,.+")) {
          return Optional.of(Rejection.invalid(p + ".image_url.url", "unsupported URL"));
        }
      }
      case "video_url" -> {
        if (!"reference_video".equals(role)) {
          return Optional.of(Rejection.invalid(p + ".role", "invalid role " + role));
        }
        if (!http && !asset) {
          return Optional.of(Rejection.invalid(p + ".video_url.url", "URL or asset id only"));
        }
      }
      default -> {
        if (!"reference_audio".equals(role)) {
          return Optional.of(Rejection.invalid(p + ".role", "invalid role " + role));
        }
        if (!http && !asset && !u.matches("data:audio/[a-z0-9]+;base64,.+")) {
          return Optional.of(Rejection.invalid(p + ".audio_url.url", "unsupported URL"));
        }
      }
    }
    media.add(new Media(type, role, u, p + "." + type + ".url"));
    return Optional.empty();
  }

  private static Optional<Rejection> modes(JsonNode body, ArkFakeModel m, List<Media> media) {
    List<Media> images = media.stream().filter(x -> x.type().equals("image_url")).toList();
    long videos = media.stream().filter(x -> x.type().equals("video_url")).count();
    long audios = media.stream().filter(x -> x.type().equals("audio_url")).count();
    long firsts = images.stream().filter(x -> "first_frame".equals(x.role())).count();
    long lasts = images.stream().filter(x -> "last_frame".equals(x.role())).count();
    long refs = images.stream().filter(x -> "reference_image".equals(x.role())).count();
    long unroled = images.stream().filter(x -> x.role() == null).count();
    if (unroled > 0 && images.size() > 1) {
      return Optional.of(Rejection.invalid("content.role", "role is required with several images"));
    }
    firsts += unroled;
    if (firsts > 1 || lasts > 1 || (lasts == 1 && firsts == 0)) {
      return Optional.of(Rejection.invalid("content.role", "one first frame, then a last frame"));
    }
    if (firsts + lasts > 0 && refs + videos + audios > 0) {
      return Optional.of(
          Rejection.invalid("content.role", "frames and references exclude each other"));
    }
    if ((firsts > 0 && !m.firstFrame()) || (lasts > 0 && !m.lastFrame())) {
      return Optional.of(Rejection.invalid("content.role", "frames not supported by " + m.id()));
    }
    if (images.isEmpty() && videos == 0 && !m.textToVideo()) {
      return Optional.of(Rejection.invalid("content", m.id() + " needs an image"));
    }
    if (refs > m.maxReferenceImages()) {
      return Optional.of(Rejection.invalid("content.role", "too many reference images"));
    }
    if ((videos > 0 || audios > 0) && !m.referenceMedia()) {
      return Optional.of(Rejection.invalid("content", "reference media not supported"));
    }
    if (videos > 3 || audios > 3) {
      return Optional.of(Rejection.invalid("content", "at most 3 videos and 3 audios"));
    }
    if (audios > 0 && images.isEmpty() && videos == 0) {
      return Optional.of(Rejection.invalid("content", "audio needs an image or a video"));
    }
    if (body.has("tools") && !media.isEmpty()) {
      return Optional.of(Rejection.invalid("tools", "web search needs text-only input"));
    }
    return Optional.empty();
  }

  private static Optional<Rejection> options(JsonNode body, ArkFakeModel m, List<Media> media) {
    List<Optional<Rejection>> checks = new ArrayList<>();
    checks.add(oneOf(body, "ratio", RATIOS));
    checks.add(oneOf(body, "resolution", RESOLUTIONS));
    if ("1080p".equals(body.path("resolution").asString("")) && !m.has1080p()) {
      checks.add(Optional.of(Rejection.invalid("resolution", "1080p not supported by " + m.id())));
    }
    checks.add(integer(body, "seed", -1, 4294967295L));
    checks.add(integer(body, "execution_expires_after", 3600, 259200));
    checks.add(integer(body, "priority", Integer.MIN_VALUE, Integer.MAX_VALUE));
    checks.add(duration(body, m));
    for (String f : List.of("watermark", "return_last_frame", "generate_audio")) {
      checks.add(bool(body, f));
    }
    if (body.has("generate_audio") && !m.audio()) {
      checks.add(Optional.of(Rejection.invalid("generate_audio", "not supported by " + m.id())));
    }
    for (String f : List.of("camera_fixed", "frames", "draft", "service_tier")) {
      if (body.has(f) && m.v2()) {
        checks.add(Optional.of(Rejection.invalid(f, "not supported by " + m.id())));
      }
    }
    checks.add(oneOf(body, "service_tier", Set.of("default", "flex")));
    checks.add(bool(body, "draft"));
    if (body.path("draft").asBoolean(false) && !m.v15()) {
      checks.add(Optional.of(Rejection.invalid("draft", "draft mode is only for 1.5 pro")));
    }
    if (body.path("draft").asBoolean(false)
        && !"480p".equals(body.path("resolution").asString("480p"))) {
      checks.add(Optional.of(Rejection.invalid("resolution", "a draft is 480p")));
    }
    checks.add(callback(body));
    checks.add(tools(body, m));
    JsonNode sid = body.get("safety_identifier");
    if (sid != null && (!sid.isString() || sid.stringValue().length() > 64)) {
      checks.add(Optional.of(Rejection.invalid("safety_identifier", "at most 64 characters")));
    }
    return checks.stream().filter(Optional::isPresent).findFirst().orElse(Optional.empty());
  }

  private static Optional<Rejection> duration(JsonNode body, ArkFakeModel m) {
    JsonNode d = body.get("duration");
    if (d == null) {
      return Optional.empty();
    }
    if (!d.isIntegralNumber()) {
      return Optional.of(Rejection.invalid("duration", "must be an integer"));
    }
    long v = d.asLong();
    boolean ok = (v == -1 && m.autoDuration()) || (v >= m.minDuration() && v <= m.maxDuration());
    return ok ? Optional.empty() : Optional.of(Rejection.invalid("duration", "out of range " + v));
  }

  private static Optional<Rejection> callback(JsonNode body) {
    JsonNode c = body.get("callback_url");
    if (c == null) {
      return Optional.empty();
    }
    boolean ok =
        c.isString()
            && (c.stringValue().startsWith("http://") || c.stringValue().startsWith("https://"));
    return ok ? Optional.empty() : Optional.of(Rejection.invalid("callback_url", "not a URL"));
  }

  private static Optional<Rejection> tools(JsonNode body, ArkFakeModel m) {
    JsonNode t = body.get("tools");
    if (t == null) {
      return Optional.empty();
    }
    if (!m.v2() || !t.isArray()) {
      return Optional.of(Rejection.invalid("tools", "not supported"));
    }
    for (JsonNode tool : t) {
      if (!tool.isObject()
          || tool.size() != 1
          || !"web_search".equals(tool.path("type").asString(""))) {
        return Optional.of(Rejection.invalid("tools", "only {\"type\":\"web_search\"}"));
      }
    }
    return Optional.empty();
  }

  private static Optional<Rejection> oneOf(JsonNode body, String field, Set<String> allowed) {
    JsonNode v = body.get(field);
    if (v == null) {
      return Optional.empty();
    }
    return v.isString() && allowed.contains(v.stringValue())
        ? Optional.empty()
        : Optional.of(Rejection.invalid(field, "must be one of " + allowed));
  }

  private static Optional<Rejection> integer(JsonNode body, String field, long min, long max) {
    JsonNode v = body.get(field);
    if (v == null) {
      return Optional.empty();
    }
    return v.isIntegralNumber() && v.asLong() >= min && v.asLong() <= max
        ? Optional.empty()
        : Optional.of(Rejection.invalid(field, "must be an integer in [" + min + ", " + max + "]"));
  }

  private static Optional<Rejection> bool(JsonNode body, String field) {
    JsonNode v = body.get(field);
    return v == null || v.isBoolean()
        ? Optional.empty()
        : Optional.of(Rejection.invalid(field, "must be a boolean"));
  }

  @SafeVarargs
  private static Optional<Rejection> firstOf(
      Optional<Rejection> first, java.util.function.Supplier<Optional<Rejection>>... rest) {
    if (first.isPresent()) {
      return first;
    }
    for (var next : rest) {
      Optional<Rejection> r = next.get();
      if (r.isPresent()) {
        return r;
      }
    }
    return Optional.empty();
  }
}
