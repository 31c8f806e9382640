package com.seedancebot.app.web.playground;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bot.playground.*}: whether the playground is on ({@code BOT_PLAYGROUND_ENABLED}; unset =
 * only with the simulator, see {@link PlaygroundEnabledCondition}) and the access token every
 * playground API call must present ({@code BOT_PLAYGROUND_TOKEN}; blank = none). {@link
 * #toString()} hides the token.
 *
 * @param enabled true, false, or null for "with the simulator only"
 * @param token the access token, or null/blank for an open playground
 */
@ConfigurationProperties("bot.playground")
public record PlaygroundProperties(Boolean enabled, String token) {

  public PlaygroundProperties {
    token = token == null || token.isBlank() ? null : token.strip();
  }

  /** Whether an access token is configured. */
  public boolean hasToken() {
    return token != null;
  }

  @Override
  public String toString() {
    return "PlaygroundProperties[enabled="
        + enabled
        + ", token="
        + (hasToken() ? "***" : "none")
        + "]";
  }
}
