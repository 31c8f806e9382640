package com.seedancebot.app.web.playground;

import com.seedancebot.app.config.InvalidSettingException;
import java.util.Locale;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Whether the playground is on: {@code bot.playground.enabled} ({@code BOT_PLAYGROUND_ENABLED})
 * when it is set to {@code true} or {@code false}; when it is unset, on only if every configured
 * provider is the simulator, because a real provider costs money per video. Any other value stops
 * startup.
 */
public class PlaygroundEnabledCondition implements Condition {

  static final String ENABLED = "bot.playground.enabled";

  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    String flag = context.getEnvironment().getProperty(ENABLED);
    if (flag == null || flag.isBlank()) {
      return onlySimulator(context.getEnvironment());
    }
    return switch (flag.strip().toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default ->
          throw new InvalidSettingException(
              "BOT_PLAYGROUND_ENABLED",
              "is '"
                  + flag.strip()
                  + "': set it to true or false (unset = on with the simulator only)");
    };
  }

  /** Whether {@code seedance.provider} and every entry of {@code seedance.providers} simulate. */
  static boolean onlySimulator(PropertyResolver env) {
    if (!isSimulator(env.getProperty("seedance.provider"))) {
      return false;
    }
    for (int i = 0; ; i++) {
      String prefix = "seedance.providers[" + i + "].";
      String kind = env.getProperty(prefix + "provider");
      if (kind == null && env.getProperty(prefix + "name") == null) {
        return true;
      }
      if (!isSimulator(kind)) {
        return false;
      }
    }
  }

  /** The first paid provider's kind, for error messages; "simulator" when there is none. */
  static String paidProvider(PropertyResolver env) {
    String first = env.getProperty("seedance.provider");
    if (!isSimulator(first)) {
      return first.strip();
    }
    for (int i = 0; ; i++) {
      String kind = env.getProperty("seedance.providers[" + i + "].provider");
      if (kind == null) {
        return "simulator";
      }
      if (!isSimulator(kind)) {
        return kind.strip();
      }
    }
  }

  private static boolean isSimulator(String kind) {
    return kind == null || kind.isBlank() || kind.strip().equalsIgnoreCase("simulator");
  }
}
