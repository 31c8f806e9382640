package com.seedancebot.app.config;

/**
 * How error messages name a provider's settings: the environment variables for the first provider,
 * the {@code seedance.providers[i]} properties (set in {@code application.yml}) for the others.
 */
record SettingNames(String provider, String baseUrl, String apiKey, String model) {

  /** The provider set by {@code SEEDANCE_*}. */
  static final SettingNames FIRST_PROVIDER =
      new SettingNames(
          "SEEDANCE_PROVIDER", "SEEDANCE_BASE_URL", "SEEDANCE_API_KEY", "SEEDANCE_MODEL");

  /** The {@code i}th entry of {@code seedance.providers}. */
  static SettingNames extraProvider(int i) {
    String prefix = "seedance.providers[" + i + "].";
    return new SettingNames(
        prefix + "provider", prefix + "base-url", prefix + "api-key", "SEEDANCE_MODEL");
  }
}
