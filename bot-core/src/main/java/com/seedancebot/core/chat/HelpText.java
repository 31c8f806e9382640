package com.seedancebot.core.chat;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The answer to {@code /help}: what the bot does, examples, how to attach media, the options, the
 * other commands and the buttons, in the user's language. Plain text without Markdown, short enough
 * for one Discord message (2000 characters). Each section is the {@code help} bundle's {@code
 * help.<section>.<platform>} text when the surface has its own (Discord's typed options), else
 * {@code help.<section>}. Thread-safe.
 */
public final class HelpText {

  private static final List<String> SECTIONS =
      List.of("intro", "examples", "inputs", "edit", "options", "commands", "buttons");

  private final Messages messages;

  public HelpText(Messages messages) {
    this.messages = Objects.requireNonNull(messages, "messages");
  }

  /** The help for a user of {@code platform} who reads {@code locale}. */
  public String render(Locale locale, Platform platform) {
    Locale language = Messages.languageOf(locale == null ? null : locale.toLanguageTag());
    String surface = platform.name().toLowerCase(Locale.ROOT);
    return SECTIONS.stream()
        .map(section -> section(language, "help." + section, surface))
        .collect(Collectors.joining("\n\n"));
  }

  private String section(Locale language, String key, String surface) {
    String specific = key + "." + surface;
    return messages.get(language, messages.has(language, specific) ? specific : key);
  }
}
