package com.seedancebot.app.web.playground;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.UserRef;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One browser's conversation with the bot. The session id is chosen by the page (random, kept in
 * localStorage) and is the playground's chat id. The person at the browser administers that one
 * private chat and nothing else, like a Telegram user in a private chat with the bot: the chat is
 * {@code PLAYGROUND:<session>}, so its settings, quotas and jobs are shared with no Telegram or
 * Discord chat, and the core lets a user act only on jobs of their own platform.
 */
public record PlaygroundSession(String id) {

  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

  public PlaygroundSession {
    if (id == null || !VALID.matcher(id).matches()) {
      throw new PlaygroundRequestException(
          PlaygroundRequestException.Reason.BAD_REQUEST,
          "session must be 8 to 64 letters, digits, '-' or '_'");
    }
  }

  /** The session a chat of the core's points to. */
  public static PlaygroundSession of(ChatRef chat) {
    if (chat.platform() != Platform.PLAYGROUND) {
      throw new IllegalArgumentException("not a playground chat: " + chat.platform());
    }
    return new PlaygroundSession(chat.chatId());
  }

  public ChatRef chat() {
    return new ChatRef(Platform.PLAYGROUND, id, null, null);
  }

  /**
   * The person at the browser, speaking the language of their {@code Accept-Language} header; the
   * admin of this session's chat only (see the type's comment).
   */
  public UserRef user(String acceptLanguage) {
    return new UserRef(Platform.PLAYGROUND, "web-" + id, "You", languageOf(acceptLanguage), true);
  }

  /** English or Chinese, whichever the browser prefers first; English when unsure. */
  static Locale languageOf(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return Locale.ENGLISH;
    }
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
      return ranges.stream()
          .map(Locale.LanguageRange::getRange)
          .filter(range -> !range.startsWith("*"))
          .findFirst()
          .map(Messages::languageOf)
          .orElse(Locale.ENGLISH);
    } catch (IllegalArgumentException malformed) {
      return Locale.ENGLISH;
    }
  }
}
