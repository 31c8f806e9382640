package com.seedancebot.core.provider.globalaiopc;

import com.seedancebot.core.provider.ResolvedMedia;
import com.seedancebot.core.provider.SubmitRequest;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaRole;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the body of GlobalAiOpc's {@code POST /v1/kyyvideo2/videos}, with its mixed naming ({@code
 * first_image}, {@code aspect_ratio}, but {@code generateAudio}, {@code referenceImages}). The API
 * has no resolution, seed, watermark, last-frame, tools, callback or end-user fields.
 */
final class GlobalAiOpcRequestJson {

  private GlobalAiOpcRequestJson() {}

  static ObjectNode create(SubmitRequest submit, JsonMapper json) {
    GenerationRequest r = submit.request();
    ObjectNode body = json.createObjectNode();
    body.put("model", r.modelId());
    body.put("prompt", r.prompt());
    if (r.durationSeconds() != null) {
      body.put("duration", r.durationSeconds());
    }
    if (r.ratio() != null) {
      body.put("aspect_ratio", r.ratio());
    }
    if (r.generateAudio() != null) {
      body.put("generateAudio", r.generateAudio());
    }
    List<ResolvedMedia> media = submit.media();
    first(media, MediaKind.IMAGE, MediaRole.FIRST_FRAME)
        .ifPresent(m -> body.put("first_image", m.url()));
    first(media, MediaKind.IMAGE, MediaRole.LAST_FRAME)
        .ifPresent(m -> body.put("last_image", m.url()));
    putUrls(body, "referenceImages", references(media, MediaKind.IMAGE));
    putUrls(body, "referenceVideos", references(media, MediaKind.VIDEO));
    putUrls(body, "referenceAudios", references(media, MediaKind.AUDIO));
    return body;
  }

  private static java.util.Optional<ResolvedMedia> first(
      List<ResolvedMedia> media, MediaKind kind, MediaRole role) {
    return media.stream()
        .filter(m -> m.input().kind() == kind && m.input().role() == role)
        .findFirst();
  }

  /** Videos and audio are always references; images only when not a frame. */
  private static List<ResolvedMedia> references(List<ResolvedMedia> media, MediaKind kind) {
    return media.stream()
        .filter(m -> m.input().kind() == kind)
        .filter(m -> kind != MediaKind.IMAGE || m.input().role() == MediaRole.REFERENCE)
        .toList();
  }

  private static void putUrls(ObjectNode body, String field, List<ResolvedMedia> media) {
    if (!media.isEmpty()) {
      ArrayNode urls = body.putArray(field);
      media.forEach(m -> urls.add(m.url()));
    }
  }
}
