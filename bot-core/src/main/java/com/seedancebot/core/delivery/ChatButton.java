package com.seedancebot.core.delivery;

import com.seedancebot.core.chat.ButtonAction;
import java.util.Objects;

/**
 * A button under a text message, labelled by the core in the user's language: pressing it comes
 * back as {@code BotInbox.onButton(…, action, target)}.
 *
 * @param action what the press does
 * @param target what it acts on: a job id, or a {@code /history} page ({@code <page> [words]})
 * @param label the text on the button
 */
public record ChatButton(ButtonAction action, String target, String label) {
  public ChatButton {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(label, "label");
  }
}
