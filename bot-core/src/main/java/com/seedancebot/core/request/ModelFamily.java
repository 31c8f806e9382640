package com.seedancebot.core.request;

/** The API family a model id belongs to; ids are only meaningful within their family. */
public enum ModelFamily {
  /** Volcengine Ark / BytePlus ModelArk, {@code /api/v3/contents/generations/tasks}. */
  ARK,
  /** The OpenAI-style resellers' gateway, {@code /v1/videos/generations}. */
  GATEWAY,
  /** GlobalAiOpc, {@code /v1/kyyvideo2/videos}. */
  GLOBALAIOPC
}
