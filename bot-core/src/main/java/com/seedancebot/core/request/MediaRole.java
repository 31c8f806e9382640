package com.seedancebot.core.request;

/**
 * How a media input is used by the model. First and last frames pin the start and end of the video;
 * references (images, videos, audio) guide it without being frames.
 */
public enum MediaRole {
  FIRST_FRAME,
  LAST_FRAME,
  REFERENCE
}
