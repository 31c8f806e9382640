package com.seedancebot.core.request;

/**
 * The Seedance generation a model belongs to. It decides the output pixel sizes (PROVIDERS.md,
 * "Output sizes and cost": the 1.0 series renders slightly different sizes from 1.5 and 2.0).
 */
public enum ModelSeries {
  SEEDANCE_1_0,
  SEEDANCE_1_5,
  SEEDANCE_2_0
}
