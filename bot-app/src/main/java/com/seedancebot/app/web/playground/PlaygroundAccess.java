package com.seedancebot.app.web.playground;

import com.seedancebot.app.config.InvalidSettingException;
import com.seedancebot.app.web.BearerToken;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Who may use the playground's API. Without {@code BOT_PLAYGROUND_TOKEN} everyone may (allowed only
 * when every provider is the simulator: creating this bean with a paid provider and no token stops
 * startup with a message naming the variable). With a token, a request is admitted only when its
 * {@code Authorization} header is {@code Bearer <token>}, compared in constant time. The token is
 * never logged or shown. Thread-safe.
 */
@ConditionalOnPlayground
@Component
public class PlaygroundAccess {

  private final BearerToken token;

  /** For Spring: checks the configuration against the providers in {@code environment}. */
  @Autowired
  public PlaygroundAccess(PlaygroundProperties properties, Environment environment) {
    this(properties.token(), PlaygroundEnabledCondition.paidProvider(environment));
  }

  /**
   * @param token the access token, or null for an open playground
   * @param paidProvider the first configured provider that is not the simulator, or "simulator"
   */
  PlaygroundAccess(String token, String paidProvider) {
    if (token == null && !"simulator".equals(paidProvider)) {
      throw new InvalidSettingException(
          "BOT_PLAYGROUND_TOKEN",
          "is not set while the playground is on (BOT_PLAYGROUND_ENABLED=true) with the paid"
              + " provider '"
              + paidProvider
              + "', so anyone reaching it would spend your money: set it to a long random secret"
              + " that playground users must enter, or unset BOT_PLAYGROUND_ENABLED to turn the"
              + " playground off");
    }
    this.token = token == null ? null : new BearerToken(token);
  }

  /** Whether the playground is open to everyone (no token configured). */
  public boolean open() {
    return token == null;
  }

  /** Whether a request with this {@code Authorization} header (may be null) may use the API. */
  public boolean admits(String authorization) {
    return token == null || token.presentedIn(authorization);
  }
}
