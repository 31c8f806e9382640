package com.seedancebot.app.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * Reports a start that failed on an {@link InvalidSettingException} as Spring Boot's "APPLICATION
 * FAILED TO START" with the exception's one-line message as the description, and no stack trace.
 * Runs before Spring Boot's own analyzers, so a setting the bot checked is explained in the bot's
 * words. Registered in {@code META-INF/spring.factories}.
 */
public class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException>
    implements Ordered {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
    return new FailureAnalysis(
        cause.getMessage(),
        "Correct that setting (an environment variable or Spring property; README.md lists them)"
            + " and start the bot again.",
        cause);
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}
