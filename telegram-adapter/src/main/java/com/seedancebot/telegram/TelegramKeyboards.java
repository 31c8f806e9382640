package com.seedancebot.telegram;

import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The inline buttons under the bot's messages, labelled in the user's language: Cancel on a status
 * message, Reroll, Continue, Edit and Extend on a finished video. Returns null when no button fits
 * (job ids too long for Telegram's 64-byte callback data). Thread-safe.
 */
public final class TelegramKeyboards {
  private final Messages messages;

  public TelegramKeyboards(Messages messages) {
    this.messages = Objects.requireNonNull(messages, "messages");
  }

  /** A Cancel button for a running job's status message. */
  public InlineKeyboardMarkup cancel(String jobId, Locale locale) {
    if (!CallbackData.fits(jobId)) {
      return null;
    }
    return markup(List.of(button(ButtonAction.CANCEL, jobId, "telegram.button.cancel", locale)));
  }

  /**
   * Reroll (and Continue when the video has a last frame) under a finished video, Edit and Extend
   * in a second row.
   */
  public InlineKeyboardMarkup video(String jobId, boolean canContinue, Locale locale) {
    if (!CallbackData.fits(jobId)) {
      return null;
    }
    List<InlineKeyboardButton> buttons = new ArrayList<>();
    buttons.add(button(ButtonAction.REROLL, jobId, "telegram.button.reroll", locale));
    if (canContinue) {
      buttons.add(button(ButtonAction.CONTINUE, jobId, "telegram.button.continue", locale));
    }
    List<InlineKeyboardButton> changes =
        List.of(
            button(ButtonAction.EDIT, jobId, "telegram.button.edit", locale),
            button(ButtonAction.EXTEND, jobId, "telegram.button.extend", locale));
    return InlineKeyboardMarkup.builder()
        .keyboardRow(new InlineKeyboardRow(buttons))
        .keyboardRow(new InlineKeyboardRow(changes))
        .build();
  }

  private InlineKeyboardButton button(ButtonAction action, String jobId, String key, Locale l) {
    return InlineKeyboardButton.builder()
        .text(messages.get(l, key))
        .callbackData(new CallbackData(action, jobId).encode())
        .build();
  }

  private static InlineKeyboardMarkup markup(List<InlineKeyboardButton> buttons) {
    return InlineKeyboardMarkup.builder().keyboardRow(new InlineKeyboardRow(buttons)).build();
  }
}
