package com.seedancebot.core.governance;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.UserRef;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * Refuses a prompt that contains a banned word ({@link BannedWords}) with a neutral message, before
 * anything is downloaded, reserved or sent to a provider, unless the user is exempt there (a quota
 * tier may bypass moderation). The message never repeats the word. Thread-safe.
 */
public final class PromptModeration {

  private final BannedWords banned;
  private final BiPredicate<UserRef, ChatRef> exempt;
  private final Messages messages;

  /** Moderates everyone except those {@code exempt} says may skip it in a chat. */
  public PromptModeration(
      BannedWords banned, BiPredicate<UserRef, ChatRef> exempt, Messages messages) {
    this.banned = banned;
    this.exempt = exempt;
    this.messages = messages;
  }

  /** Moderates everyone. */
  public PromptModeration(BannedWords banned, Messages messages) {
    this(banned, (user, chat) -> false, messages);
  }

  /** Why {@code prompt} is refused, in the user's language, or empty when it may go ahead. */
  public Optional<String> refusal(UserRef user, ChatRef chat, String prompt) {
    return banned.matches(prompt) && !exempt.test(user, chat)
        ? Optional.of(messages.get(user.locale(), "moderation.refused"))
        : Optional.empty();
  }
}
