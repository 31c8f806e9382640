package com.seedancebot.core.governance;

import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.UserRef;
import java.util.Optional;

/**
 * Refuses a prompt that contains a banned word ({@link BannedWords}) with a neutral message, before
 * anything is downloaded, reserved or sent to a provider. The message never repeats the word.
 * Thread-safe.
 */
public final class PromptModeration {

  private final BannedWords banned;
  private final Messages messages;

  public PromptModeration(BannedWords banned, Messages messages) {
    this.banned = banned;
    this.messages = messages;
  }

  /** Why {@code prompt} is refused, in the user's language, or empty when it may go ahead. */
  public Optional<String> refusal(UserRef user, String prompt) {
    return banned.matches(prompt)
        ? Optional.of(messages.get(user.locale(), "moderation.refused"))
        : Optional.empty();
  }
}
