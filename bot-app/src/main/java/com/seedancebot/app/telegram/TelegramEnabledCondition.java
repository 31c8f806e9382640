package com.seedancebot.app.telegram;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when {@code bot.telegram.token} (TELEGRAM_BOT_TOKEN) is set and not blank. A plain property
 * condition would also match the empty default of {@code telegram.yml}.
 */
public class TelegramEnabledCondition implements Condition {
  @Override
  public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
    String token = context.getEnvironment().getProperty("bot.telegram.token");
    return token != null && !token.isBlank();
  }
}
