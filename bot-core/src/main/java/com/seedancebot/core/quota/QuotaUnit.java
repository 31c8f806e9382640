package com.seedancebot.core.quota;

/**
 * What a quota counts: accepted jobs, seconds of video, or money in millionths of the configured
 * currency (exact integer arithmetic: a price per million tokens times the tokens is the amount in
 * millionths).
 */
public enum QuotaUnit {
  JOBS,
  SECONDS,
  MONEY
}
