package com.seedancebot.core.bot;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.VideoOptions;
import com.seedancebot.core.provider.ProviderRouter;
import com.seedancebot.core.request.GenerationRequest;
import com.seedancebot.core.request.MediaInput;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.request.ModelFamily;
import com.seedancebot.core.request.ModelSpec;
import com.seedancebot.core.request.ValidationProblem;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Picks the model for a request — the one the user named (id or alias, in any family a configured
 * provider runs), else the chat's default from {@code /settings}, else the bot's default ({@code
 * SEEDANCE_MODEL}) — and builds the request from the user's options over the chat's defaults.
 */
public final class ModelChooser {

  private final ModelCatalog catalog;
  private final ProviderRouter router;
  private final ChatSettingsStore settings;
  private final String defaultModel;

  public ModelChooser(
      ModelCatalog catalog,
      ProviderRouter router,
      ChatSettingsStore settings,
      String defaultModel) {
    this.catalog = catalog;
    this.router = router;
    this.settings = settings;
    this.defaultModel = defaultModel == null || defaultModel.isBlank() ? null : defaultModel;
  }

  /** The model for a request in this chat, or empty when the named model is unknown here. */
  public Optional<ModelSpec> choose(ChatRef chat, String requested) {
    String name = requested;
    if (name == null) {
      name = settings.find(chat).map(VideoOptions::model).orElse(defaultModel);
    }
    if (name == null) {
      return Optional.of(catalog.defaultModel(router.families().get(0)));
    }
    return find(name);
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

  /** The request: the user's options first, then the chat's defaults; the model fills the rest. */
  public GenerationRequest request(
      ChatRef chat, ModelSpec model, String prompt, VideoOptions o, List<MediaInput> media) {
    VideoOptions d = settings.find(chat).orElse(VideoOptions.none());
    return new GenerationRequest(
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
        media);
  }
}
