package com.seedancebot.core.provider;

import com.seedancebot.core.request.GenerationRequest;
import java.util.List;
import java.util.Objects;

/**
 * Everything a provider needs to create a task: the request with the model's defaults applied, its
 * media resolved to fetchable URLs (same order as {@code request.media()}), an optional callback
 * URL and an opaque end-user id for abuse monitoring.
 */
public record SubmitRequest(
    GenerationRequest request, List<ResolvedMedia> media, String callbackUrl, String endUserId) {
  public SubmitRequest {
    Objects.requireNonNull(request, "request");
    media = media == null ? List.of() : List.copyOf(media);
  }
}
