package com.seedancebot.core.request;

import com.seedancebot.core.chat.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Requests, media and rendering shared by the request tests. */
final class RequestFixtures {

  static final ModelCatalog CATALOG = ModelCatalog.standard();
  static final Messages MESSAGES = new Messages();
  static final long MIB = 1024L * 1024L;

  private RequestFixtures() {}

  static ModelSpec model(ModelFamily family, String alias) {
    return CATALOG.find(family, alias).orElseThrow();
  }

  static Req request() {
    return new Req();
  }

  static MediaInput image(MediaRole role) {
    return image(role, "image/png", 100_000, 1280, 720);
  }

  static MediaInput image(MediaRole role, String mime, long size, int width, int height) {
    return new MediaInput(
        role,
        MediaKind.IMAGE,
        new MediaSource.Stored("img"),
        new MediaInfo(mime, size, width, height, null, null));
  }

  static MediaInput video(double seconds) {
    return video("video/mp4", 5 * MIB, 1280, 720, seconds, 24.0);
  }

  static MediaInput video(
      String mime, long size, int width, int height, double seconds, double fps) {
    return new MediaInput(
        MediaRole.REFERENCE,
        MediaKind.VIDEO,
        new MediaSource.Stored("vid"),
        new MediaInfo(mime, size, width, height, seconds, fps));
  }

  static MediaInput audio(double seconds) {
    return audio("audio/mpeg", MIB, seconds);
  }

  static MediaInput audio(String mime, long size, double seconds) {
    return new MediaInput(
        MediaRole.REFERENCE,
        MediaKind.AUDIO,
        new MediaSource.Stored("aud"),
        new MediaInfo(mime, size, null, null, seconds, null));
  }

  static MediaInput asset(MediaKind kind, MediaRole role) {
    return new MediaInput(role, kind, new MediaSource.ProviderAsset("asset://asset-2026"), null);
  }

  static List<MediaInput> times(int count, MediaInput input) {
    List<MediaInput> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(input);
    }
    return list;
  }

  static String render(ValidationProblem problem, Locale locale) {
    return MESSAGES.get(locale, problem.messageKey(), problem.argsArray());
  }

  /** A fluent {@link GenerationRequest} for tests; the prompt defaults to a short sentence. */
  static final class Req {
    private String prompt = "A cat yawns at the camera";
    private Integer duration;
    private String ratio;
    private String resolution;
    private Boolean audio;
    private Long seed;
    private boolean webSearch;
    private boolean draft;
    private boolean flex;
    private final List<MediaInput> media = new ArrayList<>();

    Req prompt(String value) {
      prompt = value;
      return this;
    }

    Req duration(int value) {
      duration = value;
      return this;
    }

    Req ratio(String value) {
      ratio = value;
      return this;
    }

    Req resolution(String value) {
      resolution = value;
      return this;
    }

    Req audio(boolean value) {
      audio = value;
      return this;
    }

    Req seed(long value) {
      seed = value;
      return this;
    }

    Req webSearch() {
      webSearch = true;
      return this;
    }

    Req draft() {
      draft = true;
      return this;
    }

    Req flex() {
      flex = true;
      return this;
    }

    Req with(MediaInput... inputs) {
      media.addAll(List.of(inputs));
      return this;
    }

    Req with(List<MediaInput> inputs) {
      media.addAll(inputs);
      return this;
    }

    GenerationRequest forModel(ModelSpec model) {
      return new GenerationRequest(
          model.id(),
          prompt,
          duration,
          ratio,
          resolution,
          audio,
          seed,
          false,
          false,
          webSearch,
          media,
          false,
          draft,
          flex,
          null);
    }
  }
}
