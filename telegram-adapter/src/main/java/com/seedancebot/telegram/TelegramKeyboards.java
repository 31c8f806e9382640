package com.seedancebot.telegram;

import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.delivery.ChatButton;
import com.seedancebot.core.delivery.ResultButtons;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

/**
 * The inline buttons under the bot's messages, labelled in the user's language: Cancel on a status
 * message, the core's result buttons (Reroll, Continue, Final, Edit, Extend) on a finished video,
 * and the core-labelled buttons of a text ({@code /history}: one row per Show button, the page
 * buttons together). Returns null when no button fits (job ids too long for Telegram's 64-byte
 * callback data). Thread-safe.
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

  /** One Cancel button per job (in rows of one), for an admin's list of jobs; null for none. */
  public InlineKeyboardMarkup cancelEach(List<String> jobIds, Locale locale) {
    List<InlineKeyboardRow> rows = new ArrayList<>();
    for (String jobId : jobIds) {
      if (CallbackData.fits(jobId)) {
        rows.add(
            new InlineKeyboardRow(
                InlineKeyboardButton.builder()
                    .text(messages.get(locale, "telegram.button.cancel_job", jobId))
                    .callbackData(new CallbackData(ButtonAction.CANCEL, jobId).encode())
                    .build()));
      }
    }
    return rows.isEmpty() ? null : InlineKeyboardMarkup.builder().keyboard(rows).build();
  }

  /** Reroll (and Continue when the video has a last frame), Edit and Extend under a video. */
  public InlineKeyboardMarkup video(String jobId, boolean canContinue, Locale locale) {
    return video(jobId, ResultButtons.plain(canContinue), locale);
  }

  /**
   * The core's result buttons under a finished video, in its order; Edit and Extend a row apart.
   */
  public InlineKeyboardMarkup video(String jobId, List<ButtonAction> actions, Locale locale) {
    if (!CallbackData.fits(jobId) || actions.isEmpty()) {
      return null;
    }
    List<InlineKeyboardButton> buttons = new ArrayList<>();
    List<InlineKeyboardButton> changes = new ArrayList<>();
    for (ButtonAction action : actions) {
      String key = "telegram.button." + action.name().toLowerCase(Locale.ROOT);
      (ResultButtons.changesTheVideo(action) ? changes : buttons)
          .add(button(action, jobId, key, locale));
    }
    InlineKeyboardMarkup.InlineKeyboardMarkupBuilder<?, ?> markup = InlineKeyboardMarkup.builder();
    for (List<InlineKeyboardButton> row : List.of(buttons, changes)) {
      if (!row.isEmpty()) {
        markup.keyboardRow(new InlineKeyboardRow(row));
      }
    }
    return markup.build();
  }

  /** Buttons labelled by the core: Show buttons one per row, the others together at the end. */
  public InlineKeyboardMarkup labelled(List<ChatButton> buttons) {
    if (buttons.isEmpty() || !buttons.stream().allMatch(b -> CallbackData.fits(b.target()))) {
      return null;
    }
    InlineKeyboardMarkup.InlineKeyboardMarkupBuilder<?, ?> markup = InlineKeyboardMarkup.builder();
    List<InlineKeyboardButton> last = new ArrayList<>();
    for (ChatButton b : buttons) {
      InlineKeyboardButton button =
          InlineKeyboardButton.builder()
              .text(b.label())
              .callbackData(new CallbackData(b.action(), b.target()).encode())
              .build();
      if (b.action() == ButtonAction.SHOW) {
        markup.keyboardRow(new InlineKeyboardRow(List.of(button)));
      } else {
        last.add(button);
      }
    }
    if (!last.isEmpty()) {
      markup.keyboardRow(new InlineKeyboardRow(last));
    }
    return markup.build();
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
