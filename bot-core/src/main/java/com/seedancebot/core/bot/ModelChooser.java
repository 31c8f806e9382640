package com.seedancebot.core.bot;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.VideoOptions;
import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaInput;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.request.ModelFamily;
import com.seedancebot.core.request.ModelSpec;
import com.seedancebot.core.request.RequestValidator;
import com.seedancebot.core.request.ValidationProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Picks the model for a request — the one the user named (id or alias, in any family a configured
 * provider runs), else the chat's default from {@code /settings}, else the bot's default ({@code
 * SEEDANCE_MODEL}) — and builds the request from the user's options over the chat's defaults. A
 * stored default the chosen model cannot take (saved before defaults were checked, or meant for
 * another model) is left out with a note, so it never turns into an error the user did not cause.
 * Thread-safe.
 */
public final class ModelChooser {

  /** A request ready to submit, and notes (key {@code note.<code>}) on chat defaults left out. */
  public record Prepared(GenerationRequest request, List<ValidationProblem> notes) {
    public Prepared {
      notes = List.copyOf(notes);
    }
  }

  private final ModelCatalog catalog;
  private final ProviderRouter router;
  private final ChatSettingsStore settings;
  private final String defaultModel;
  private final SettingsFit fit;

  public ModelChooser(
      ModelCatalog catalog,
      ProviderRouter router,
      ChatSettingsStore settings,
      String defaultModel) {
    this(catalog, router, settings, defaultModel, new RequestValidator());
  }

  public ModelChooser(
      ModelCatalog catalog,
      ProviderRouter router,
      ChatSettingsStore settings,
      String defaultModel,
      RequestValidator validator) {
    this.catalog = catalog;
    this.router = router;
    this.settings = settings;
    this.defaultModel = defaultModel == null || defaultModel.isBlank() ? null : defaultModel;
    this.fit = new SettingsFit(validator);
  }

  /**
   * The model for a request in this chat, or empty when the model the user named (or the bot's
   * configured default) is unknown here. A chat default that is no longer offered is skipped.
   */
  public Optional<ModelSpec> choose(ChatRef chat, String requested) {
    if (requested != null) {
      return find(requested);
    }
    return settings.find(chat).map(VideoOptions::model).flatMap(this::find).or(this::botDefault);
  }

  /** The bot's default model ({@code SEEDANCE_MODEL}, else the first family's default). */
  public Optional<ModelSpec> botDefault() {
    if (defaultModel == null) {
      return Optional.of(catalog.defaultModel(router.families().get(0)));
    }
    return find(defaultModel);
  }

  /** The model with this id or alias in any family this bot runs. */
  public Optional<ModelSpec> find(String idOrAlias) {
    for (ModelFamily family : router.families()) {
      Optional<ModelSpec> m = catalog.find(family, idOrAlias);
      if (m.isPresent()) {
        return m;
      }
    }
    return Optional.empty();
  }

  public ModelCatalog catalog() {
    return catalog;
  }

  /** The model families the configured providers run, in configuration order. */
  public List<ModelFamily> families() {
    return router.families();
  }

  /** The configured default model ({@code SEEDANCE_MODEL}), or null for the family default. */
  public String defaultModelId() {
    return defaultModel;
  }

  /** The models users can pick here. */
  public List<ModelSpec> offered() {
    return router.families().stream().flatMap(f -> catalog.family(f).stream()).toList();
  }

  public ValidationProblem unknownModelProblem(String requested) {
    String known = offered().stream().map(ModelSpec::alias).collect(Collectors.joining(", "));
    return ValidationProblem.of("model.unknown", String.valueOf(requested), known);
  }

  /**
   * The request: the user's options first, then the chat's defaults that {@code model} can take;
   * the model fills the rest. Each stored default left out gets a note.
   */
  public Prepared request(
      ChatRef chat, ModelSpec model, String prompt, VideoOptions o, List<MediaInput> media) {
    VideoOptions stored = settings.find(chat).orElse(VideoOptions.none());
    VideoOptions notTyped = SettingsFit.keptBy(stored, o);
    List<SettingsFit.Unfit> unfit = fit.unfit(notTyped, model);
    VideoOptions d = SettingsFit.without(notTyped, unfit);
    GenerationRequest request =
        new GenerationRequest(
            model.id(),
            prompt,
            o.duration() != null ? o.duration() : d.duration(),
            o.ratio() != null ? o.ratio() : d.ratio(),
            o.resolution() != null ? o.resolution() : d.resolution(),
            o.audio() != null ? o.audio() : d.audio(),
            o.seed(),
            true,
            o.watermark(),
            o.webSearch(),
            media,
            o.lastFrame(),
            o.draft(),
            o.flex(),
            null);
    return new Prepared(request, notes(notTyped, unfit, model));
  }

  /**
   * Notes on the stored defaults {@code model} cannot take (for {@code /video} and a bare {@code
   * /settings}).
   */
  List<ValidationProblem> notes(
      VideoOptions stored, List<SettingsFit.Unfit> unfit, ModelSpec model) {
    List<ValidationProblem> notes = new ArrayList<>();
    if (stored.model() != null && find(stored.model()).isEmpty()) {
      notes.add(ValidationProblem.of("settings.model_ignored", stored.model(), model.label()));
    }
    for (SettingsFit.Unfit u : unfit) {
      notes.add(ValidationProblem.of("settings.default_ignored", u.shown(), model.label()));
    }
    return notes;
  }

  /** The defaults among {@code values} that {@code model} cannot take. */
  List<SettingsFit.Unfit> unfit(VideoOptions values, ModelSpec model) {
    return fit.unfit(values, model);
  }
}
