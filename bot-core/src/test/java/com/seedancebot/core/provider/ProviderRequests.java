package com.seedancebot.core.provider;

import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaInput;
import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaRole;
import com.seedancebot.core.request.MediaSource;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** Test helpers that build provider requests without repeating eleven constructor arguments. */
public final class ProviderRequests {

  private ProviderRequests() {}

  /** A request with the given model and prompt and everything else at a plain default. */
  public static GenerationRequest request(String model, String prompt) {
    return new GenerationRequest(
        model, prompt, 5, "16:9", "720p", true, null, false, false, false, List.of());
  }

  /** One media input resolved to a URL. */
  public static ResolvedMedia media(MediaRole role, MediaKind kind, URI url) {
    return new ResolvedMedia(
        new MediaInput(role, kind, new MediaSource.Stored("asset-" + url.hashCode()), null),
        url.toString());
  }

  /** The request with these media (in order) and no callback or end user. */
  public static SubmitRequest withMedia(GenerationRequest r, ResolvedMedia... media) {
    List<MediaInput> inputs = new ArrayList<>();
    for (ResolvedMedia m : media) {
      inputs.add(m.input());
    }
    GenerationRequest withInputs =
        new GenerationRequest(
            r.modelId(),
            r.prompt(),
            r.durationSeconds(),
            r.ratio(),
            r.resolution(),
            r.generateAudio(),
            r.seed(),
            r.returnLastFrame(),
            r.watermark(),
            r.webSearch(),
            inputs);
    return new SubmitRequest(withInputs, List.of(media), null, null);
  }
}
