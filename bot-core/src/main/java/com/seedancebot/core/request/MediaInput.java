package com.seedancebot.core.request;

import java.util.Objects;

/**
 * One media input of a generation request: its role, its kind, where its bytes are and what
 * inspection learned about it. Immutable.
 */
public record MediaInput(MediaRole role, MediaKind kind, MediaSource source, MediaInfo info) {
  public MediaInput {
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(source, "source");
    info = info == null ? MediaInfo.unknown() : info;
  }
}
