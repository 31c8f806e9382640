package com.seedancebot.discord;

import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.Messages;
import java.util.Locale;
import java.util.Optional;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.modals.ModalInteraction;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

/**
 * The form the Edit and Extend buttons open: one text field for the instruction, labelled in the
 * user's language. Its id {@code seedance-clip:<e|t>:<jobId>} carries the job, so a submission
 * needs no stored state. Stateless and thread-safe.
 */
public final class ClipModals {

  /** A submitted form: which video, whether it is extended, and the instruction typed. */
  public record Submitted(String jobId, boolean extend, String instruction) {}

  static final String INSTRUCTION = "instruction";
  private static final String PREFIX = "seedance-clip:";

  private final Messages messages;

  public ClipModals(Messages messages) {
    this.messages = messages;
  }

  /** The form for an Edit or Extend press on the video of {@code jobId}. */
  public Modal ask(ButtonAction action, String jobId, Locale locale) {
    boolean extend = action == ButtonAction.EXTEND;
    String kind = extend ? "extend" : "edit";
    TextInput input =
        TextInput.create(INSTRUCTION, TextInputStyle.PARAGRAPH)
            .setRequired(!extend)
            .setMaxLength(1000)
            .setPlaceholder(messages.get(locale, "discord.clip." + kind + ".placeholder"))
            .build();
    return Modal.create(
            PREFIX + (extend ? "t:" : "e:") + jobId,
            messages.get(locale, "discord.clip." + kind + ".title"))
        .addComponents(Label.of(messages.get(locale, "discord.clip." + kind + ".label"), input))
        .build();
  }

  /** The submission, or empty when the form is not one of ours. */
  public static Optional<Submitted> read(ModalInteraction event) {
    String id = event.getModalId();
    if (!id.startsWith(PREFIX) || id.length() < PREFIX.length() + 3) {
      return Optional.empty();
    }
    String rest = id.substring(PREFIX.length());
    boolean extend = rest.startsWith("t:");
    if (!extend && !rest.startsWith("e:")) {
      return Optional.empty();
    }
    ModalMapping value = event.getValue(INSTRUCTION);
    return Optional.of(
        new Submitted(rest.substring(2), extend, value == null ? "" : value.getAsString()));
  }
}
