package com.seedancebot.core.provider.ark;

import com.seedancebot.core.provider.ResolvedMedia;
import com.seedancebot.core.provider.SubmitRequest;
import com.seedancebot.core.request.GenerationRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the body of Ark's {@code POST /contents/generations/tasks} from a {@link SubmitRequest}.
 * Sends only documented fields (Ark rejects unknown ones), and optional ones only when set: {@code
 * draft} for a draft preview, {@code service_tier=flex} for offline inference. A request that
 * renders a draft in full sends the draft as its only content ({@code {"type":"draft_task",
 * "draft_task":{"id":…}}}) with the settings a final may change (resolution, watermark, last frame,
 * service tier): the rest is the draft's.
 */
final class ArkRequestJson {

  /** Ark's limit for {@code safety_identifier}; a SHA-256 in hex is exactly this long. */
  static final int MAX_SAFETY_IDENTIFIER = 64;

  private ArkRequestJson() {}

  static ObjectNode create(SubmitRequest submit, JsonMapper json) {
    GenerationRequest r = submit.request();
    ObjectNode body = json.createObjectNode();
    body.put("model", r.modelId());
    if (r.fromDraft()) {
      return fromDraft(submit, body);
    }
    ArrayNode content = body.putArray("content");
    if (!r.prompt().isEmpty()) {
      content.addObject().put("type", "text").put("text", r.prompt());
    }
    for (ResolvedMedia m : submit.media()) {
      content.add(item(m, json));
    }
    putIfSet(body, "ratio", r.ratio());
    putIfSet(body, "resolution", r.resolution());
    if (r.durationSeconds() != null) {
      body.put("duration", r.durationSeconds());
    }
    if (r.seed() != null) {
      body.put("seed", r.seed());
    }
    if (r.generateAudio() != null && hasAudio(r.modelId())) {
      body.put("generate_audio", r.generateAudio());
    }
    body.put("watermark", r.watermark());
    body.put("return_last_frame", r.returnLastFrame());
    putIfSet(body, "callback_url", submit.callbackUrl());
    if (r.webSearch()) {
      body.putArray("tools").addObject().put("type", "web_search");
    }
    if (r.draft()) {
      body.put("draft", true);
    }
    putCommon(submit, body);
    return body;
  }

  private static ObjectNode fromDraft(SubmitRequest submit, ObjectNode body) {
    GenerationRequest r = submit.request();
    body.putArray("content")
        .addObject()
        .put("type", "draft_task")
        .putObject("draft_task")
        .put("id", r.draftTaskId());
    putIfSet(body, "resolution", r.resolution());
    body.put("watermark", r.watermark());
    body.put("return_last_frame", r.returnLastFrame());
    putIfSet(body, "callback_url", submit.callbackUrl());
    putCommon(submit, body);
    return body;
  }

  private static void putCommon(SubmitRequest submit, ObjectNode body) {
    if (submit.request().flex()) {
      body.put("service_tier", "flex");
    }
    if (submit.endUserId() != null && !submit.endUserId().isBlank()) {
      body.put("safety_identifier", safetyIdentifier(submit.endUserId()));
    }
  }

  /**
   * Whether the model takes {@code generate_audio}: the 1.0 series ({@code doubao-seedance-1-0-…},
   * BytePlus {@code seedance-1-0-…}) has no sound; 1.5 pro, 2.0 and endpoint ids may.
   */
  static boolean hasAudio(String modelId) {
    return !modelId.contains("seedance-1-0");
  }

  /** The end-user id as is when short enough, else its SHA-256 in hex (64 chars). */
  static String safetyIdentifier(String endUserId) {
    if (endUserId.length() <= MAX_SAFETY_IDENTIFIER) {
      return endUserId;
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(endUserId.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JRE", e);
    }
  }

  private static ObjectNode item(ResolvedMedia m, JsonMapper json) {
    ObjectNode item = json.createObjectNode();
    String type =
        switch (m.input().kind()) {
          case IMAGE -> "image_url";
          case VIDEO -> "video_url";
          case AUDIO -> "audio_url";
        };
    String role =
        switch (m.input().kind()) {
          case IMAGE ->
              switch (m.input().role()) {
                case FIRST_FRAME -> "first_frame";
                case LAST_FRAME -> "last_frame";
                case REFERENCE -> "reference_image";
              };
          case VIDEO -> "reference_video";
          case AUDIO -> "reference_audio";
        };
    item.put("type", type);
    item.putObject(type).put("url", m.url());
    item.put("role", role);
    return item;
  }

  private static void putIfSet(ObjectNode body, String field, String value) {
    if (value != null && !value.isBlank()) {
      body.put(field, value);
    }
  }
}
