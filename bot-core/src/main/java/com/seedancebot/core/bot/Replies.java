package com.seedancebot.core.bot;

import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.request.ValidationProblem;
import java.util.List;
import java.util.Locale;

/** Renders problem lists and generic answers in the user's language. Thread-safe. */
public final class Replies {

  private final Messages messages;

  public Replies(Messages messages) {
    this.messages = messages;
  }

  /** "I can't start this video:" followed by one line per problem. */
  public String problems(Locale locale, List<ValidationProblem> problems) {
    StringBuilder text = new StringBuilder(messages.get(locale, "reply.problems.header"));
    for (ValidationProblem p : problems) {
      text.append("\n• ").append(messages.get(locale, "problem." + p.code(), p.args().toArray()));
    }
    text.append("\n").append(messages.get(locale, "reply.problems.footer"));
    return text.toString();
  }

  public String internalError(Locale locale) {
    return messages.get(locale, "reply.internal_error");
  }

  public String text(Locale locale, String key, Object... args) {
    return messages.get(locale, key, args);
  }
}
