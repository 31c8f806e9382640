package com.seedancebot.core.request;

/** What a media input is: a still image, a video clip or a sound. */
public enum MediaKind {
  IMAGE,
  VIDEO,
  AUDIO
}
