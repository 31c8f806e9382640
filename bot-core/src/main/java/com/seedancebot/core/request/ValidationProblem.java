package com.seedancebot.core.request;

import java.util.List;
import java.util.Objects;

/**
 * One thing wrong with a request, as a message code plus arguments. {@code Messages} turns it into
 * words in the user's language (key {@code problem.<code>}).
 */
public record ValidationProblem(String code, List<Object> args) {
  public ValidationProblem {
    Objects.requireNonNull(code, "code");
    args = args == null ? List.of() : List.copyOf(args);
  }

  public static ValidationProblem of(String code, Object... args) {
    return new ValidationProblem(code, List.of(args));
  }

  /** The message key of this problem in the {@code problems} bundles. */
  public String messageKey() {
    return "problem." + code;
  }

  /** The arguments as the array {@code Messages.get} takes. */
  public Object[] argsArray() {
    return args.toArray();
  }
}
