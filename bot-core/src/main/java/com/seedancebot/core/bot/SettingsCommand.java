package com.seedancebot.core.bot;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.chat.VideoOptions;
import com.seedancebot.core.request.ModelSpec;
import com.seedancebot.core.request.ValidationProblem;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /settings}: shows a chat's defaults, or checks and saves new ones (admins only). New
 * values are checked against the model the chat would then use — the new {@code --model}, else the
 * chat's model, else the bot's default — with the same rules as {@code /video}; the defaults
 * already stored are checked against it too, so a model change they no longer fit is refused. On
 * any problem every one is listed and nothing is saved. Thread-safe.
 */
final class SettingsCommand {

  private final ChatSettingsStore store;
  private final ModelChooser models;
  private final Replies replies;
  private final Clock clock;

  SettingsCommand(ChatSettingsStore store, ModelChooser models, Replies replies, Clock clock) {
    this.store = store;
    this.models = models;
    this.replies = replies;
    this.clock = clock;
  }

  /** The reply to {@code /settings} with these options ({@code null} or none: show them). */
  String run(UserRef user, ChatRef chat, VideoOptions changes) {
    Locale l = user.locale();
    VideoOptions stored = store.find(chat).orElse(VideoOptions.none());
    if (!anyChange(changes)) {
      return show(l, chat, stored);
    }
    if (!user.admin()) {
      return replies.text(l, "settings.admins_only");
    }
    List<ValidationProblem> problems = problems(chat, stored, changes);
    if (!problems.isEmpty()) {
      return replies.problems(l, Replies.Heading.SETTINGS, problems);
    }
    VideoOptions merged = store.merge(chat, changes, clock.millis());
    return replies.text(l, "settings.saved") + "\n" + describe(l, merged);
  }

  private List<ValidationProblem> problems(
      ChatRef chat, VideoOptions stored, VideoOptions changes) {
    List<ValidationProblem> problems = new ArrayList<>();
    Optional<ModelSpec> model;
    if (changes.model() != null) {
      model = models.find(changes.model());
      if (model.isEmpty()) {
        return List.of(models.unknownModelProblem(changes.model()));
      }
    } else {
      if (stored.model() != null && models.find(stored.model()).isEmpty()) {
        problems.add(ValidationProblem.of("settings.saved_model_gone", stored.model(), offered()));
      }
      model = models.choose(chat, null);
      if (model.isEmpty()) {
        problems.add(models.unknownModelProblem(models.defaultModelId()));
        return problems;
      }
    }
    for (SettingsFit.Unfit typed : models.unfit(changes, model.get())) {
      problems.addAll(typed.problems());
    }
    for (SettingsFit.Unfit kept : models.unfit(SettingsFit.keptBy(stored, changes), model.get())) {
      problems.add(
          ValidationProblem.of(
              "settings.saved_unfit", kept.shown(), model.get().label(), kept.example()));
    }
    return problems;
  }

  /** The current defaults, with a note for each one the chat's model cannot take. */
  private String show(Locale l, ChatRef chat, VideoOptions stored) {
    String text = describe(l, stored);
    Optional<ModelSpec> model = models.choose(chat, null);
    if (model.isEmpty()) {
      return text;
    }
    String notes =
        replies.notes(l, models.notes(stored, models.unfit(stored, model.get()), model.get()));
    return notes.isEmpty() ? text : text + "\n" + notes;
  }

  private String offered() {
    return String.join(", ", models.offered().stream().map(ModelSpec::alias).toList());
  }

  private static boolean anyChange(VideoOptions changes) {
    return changes != null
        && (changes.duration() != null
            || changes.ratio() != null
            || changes.resolution() != null
            || changes.model() != null
            || changes.audio() != null);
  }

  private String describe(Locale l, VideoOptions d) {
    String none = replies.text(l, "settings.unset");
    return replies.text(
        l,
        "settings.current",
        d.model() == null ? none : d.model(),
        d.ratio() == null ? none : d.ratio(),
        d.resolution() == null ? none : d.resolution(),
        d.duration() == null ? none : d.duration().toString(),
        d.audio() == null ? none : d.audio().toString());
  }
}
