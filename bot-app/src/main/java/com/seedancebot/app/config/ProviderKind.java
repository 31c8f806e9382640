package com.seedancebot.app.config;

import com.seedancebot.core.request.ModelFamily;
import java.net.URI;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The kinds of video provider {@code SEEDANCE_PROVIDER} can name, with what each needs: the model
 * family it runs, its public base URL (none for the gateway, which is a reseller's own) and whether
 * it needs an API key. Parsing and checking a provider's settings happens here, so the start-up
 * check and the provider factory agree.
 */
public enum ProviderKind {
  SIMULATOR(ModelFamily.ARK, null, false),
  ARK(ModelFamily.ARK, "https://ark.cn-beijing.volces.com/api/v3", true),
  GATEWAY(ModelFamily.GATEWAY, null, true),
  GLOBALAIOPC(ModelFamily.GLOBALAIOPC, "https://zcbservice.aizfw.cn/kyyReactApiServer", true);

  private final ModelFamily family;
  private final String publicUrl;
  private final boolean needsKey;

  ProviderKind(ModelFamily family, String publicUrl, boolean needsKey) {
    this.family = family;
    this.publicUrl = publicUrl;
    this.needsKey = needsKey;
  }

  /** The kind {@code value} names (blank = the simulator); {@code setting} names it in errors. */
  public static ProviderKind parse(String setting, String value) {
    if (value == null || value.isBlank()) {
      return SIMULATOR;
    }
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(
          setting,
          "is '"
              + value.strip()
              + "', which is not a provider: set it to one of "
              + Arrays.stream(values()).map(ProviderKind::id).collect(Collectors.joining(", ")));
    }
  }

  /** The name used in settings, e.g. {@code ark}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public ModelFamily family() {
    return family;
  }

  /**
   * The base URL to use: {@code value} when set (it must be an absolute http or https URL), else
   * the provider's public URL; null for the simulator.
   */
  public URI baseUrl(String setting, String value) {
    if (this == SIMULATOR) {
      return null;
    }
    if (value == null || value.isBlank()) {
      if (publicUrl == null) {
        throw new InvalidSettingException(
            setting, "is not set: the " + id() + " provider needs its base URL (the reseller's)");
      }
      return URI.create(publicUrl);
    }
    try {
      URI url = new URI(value.strip());
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && url.getHost() != null) {
        return url;
      }
    } catch (java.net.URISyntaxException malformed) {
      // reported below, without echoing the value (a URL may carry credentials)
    }
    throw new InvalidSettingException(
        setting,
        "is not a valid URL: set it to the provider's http(s) base URL, e.g. "
            + (publicUrl == null ? "https://gateway.example.com/v1" : publicUrl));
  }

  /** The key, stripped; a provider that needs one and has none stops the start. */
  public String apiKey(String setting, String value) {
    if (needsKey && (value == null || value.isBlank())) {
      throw new InvalidSettingException(
          setting, "is not set: the " + id() + " provider needs its API key (a Bearer key)");
    }
    return value == null ? null : value.strip();
  }
}
