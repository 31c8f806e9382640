package com.seedancebot.core.quota;

/** What a quota counts: accepted jobs, or seconds of video. */
public enum QuotaUnit {
  JOBS,
  SECONDS
}
