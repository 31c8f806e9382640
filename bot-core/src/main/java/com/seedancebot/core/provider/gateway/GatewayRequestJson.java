package com.seedancebot.core.provider.gateway;

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
 * Builds the body of the gateway's {@code POST /v1/videos/generations}. Images go to {@code
 * image_urls} when their meaning is unambiguous without roles (one first frame, or several
 * references); otherwise to {@code image_with_roles}. The gateway has no watermark, callback or
 * end-user fields.
 */
final class GatewayRequestJson {

  private GatewayRequestJson() {}

  static ObjectNode create(SubmitRequest submit, JsonMapper json) {
    GenerationRequest r = submit.request();
    boolean v10 = isV10(r.modelId());
    ObjectNode body = json.createObjectNode();
    body.put("model", r.modelId());
    if (!r.prompt().isEmpty()) {
      body.put("prompt", r.prompt());
    }
    if (r.durationSeconds() != null) {
      body.put("duration", r.durationSeconds());
    }
    if (r.ratio() != null) {
      body.put(v10 ? "aspect_ratio" : "size", r.ratio());
    }
    if (r.resolution() != null) {
      body.put("resolution", r.resolution());
    }
    if (r.seed() != null) {
      body.put("seed", r.seed());
    }
    if (r.generateAudio() != null && !v10) {
      body.put("generate_audio", r.generateAudio());
    }
    body.put("return_last_frame", r.returnLastFrame());
    if (r.webSearch()) {
      body.putArray("tools").addObject().put("type", "web_search");
    }
    putImages(body, submit.media());
    putUrls(body, "video_urls", of(submit.media(), MediaKind.VIDEO));
    putUrls(body, "audio_urls", of(submit.media(), MediaKind.AUDIO));
    return body;
  }

  /** The 1.0 pro models name the ratio {@code aspect_ratio} and have no sound. */
  static boolean isV10(String modelId) {
    return modelId.startsWith("doubao-seedance-1-0");
  }

  private static void putImages(ObjectNode body, List<ResolvedMedia> media) {
    List<ResolvedMedia> images = of(media, MediaKind.IMAGE);
    if (images.isEmpty()) {
      return;
    }
    long frames = images.stream().filter(m -> m.input().role() != MediaRole.REFERENCE).count();
    boolean singleFirstFrame =
        images.size() == 1 && images.get(0).input().role() == MediaRole.FIRST_FRAME;
    boolean plainReferences = frames == 0 && images.size() > 1;
    if (singleFirstFrame || plainReferences) {
      putUrls(body, "image_urls", images);
      return;
    }
    ArrayNode withRoles = body.putArray("image_with_roles");
    for (ResolvedMedia m : images) {
      String role =
          switch (m.input().role()) {
            case FIRST_FRAME -> "first_frame";
            case LAST_FRAME -> "last_frame";
            case REFERENCE -> "reference_image";
          };
      withRoles.addObject().put("url", m.url()).put("role", role);
    }
  }

  private static void putUrls(ObjectNode body, String field, List<ResolvedMedia> media) {
    if (!media.isEmpty()) {
      ArrayNode urls = body.putArray(field);
      media.forEach(m -> urls.add(m.url()));
    }
  }

  private static List<ResolvedMedia> of(List<ResolvedMedia> media, MediaKind kind) {
    return media.stream().filter(m -> m.input().kind() == kind).toList();
  }
}
