package com.seedancebot.core.chat;

import com.seedancebot.core.request.Capabilities;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.request.ModelFamily;
import com.seedancebot.core.request.ModelSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The answer to {@code /models}: every model of the configured families, in catalogue order, with
 * its alias (what {@code --model} takes), label, wire id, durations, resolutions, sound, accepted
 * inputs and a marker on the bot's default model. Plain text without Markdown, one block per model.
 * Families get a heading only when there are several. Thread-safe.
 */
public final class ModelListFormatter {

  private static final String PARTS = " · ";
  private static final String INDENT = "  ";

  /** 480p before 720p before 1080p; anything without a number last, alphabetically. */
  private static final Comparator<String> BY_HEIGHT =
      Comparator.comparingInt(ModelListFormatter::height).thenComparing(Comparator.naturalOrder());

  private final Messages messages;

  public ModelListFormatter(Messages messages) {
    this.messages = Objects.requireNonNull(messages, "messages");
  }

  /**
   * @param families the families the bot's providers speak, in configuration order
   * @param defaultModelId the model used when none is asked for (id or alias); null means the
   *     catalogue's default of the first family
   */
  public String render(
      Locale locale, ModelCatalog catalog, List<ModelFamily> families, String defaultModelId) {
    Locale language = Messages.languageOf(locale == null ? null : locale.toLanguageTag());
    List<ModelSpec> offered = families.stream().flatMap(f -> catalog.family(f).stream()).toList();
    if (offered.isEmpty()) {
      return messages.get(language, "models.none");
    }
    String defaultId = defaultModelId != null ? defaultModelId : catalogDefault(catalog, families);
    ModelSpec defaultModel = defaultAmong(offered, defaultId);
    List<String> blocks = new ArrayList<>();
    blocks.add(messages.get(language, "models.title", exampleAlias(offered, defaultModel)));
    for (ModelFamily family : families) {
      if (families.size() > 1 && !catalog.family(family).isEmpty()) {
        String name = messages.get(language, "models.family." + family.name());
        blocks.add(messages.get(language, "models.family", name));
      }
      catalog.family(family).forEach(m -> blocks.add(model(language, m, m.equals(defaultModel))));
    }
    return String.join("\n\n", blocks);
  }

  private String model(Locale language, ModelSpec model, boolean isDefault) {
    Capabilities caps = model.capabilities();
    List<String> lines = new ArrayList<>();
    String item = isDefault ? "models.item.default" : "models.item";
    lines.add(messages.get(language, item, model.alias(), model.label()));
    if (!model.alias().equalsIgnoreCase(model.id())) {
      lines.add(messages.get(language, "models.id", model.id()));
    }
    String duration = caps.autoDuration() ? "models.duration.auto" : "models.duration";
    lines.add(
        String.join(
            PARTS,
            messages.get(language, duration, caps.minDuration(), caps.maxDuration()),
            list(language, caps.resolutions().stream().sorted(BY_HEIGHT).toList()),
            audio(language, caps)));
    lines.add(inputs(language, caps));
    List<String> tiers = new ArrayList<>();
    if (caps.draft()) {
      tiers.add(messages.get(language, "models.tier.draft"));
    }
    if (caps.flex()) {
      tiers.add(messages.get(language, "models.tier.flex"));
    }
    if (!tiers.isEmpty()) {
      lines.add(String.join(PARTS, tiers));
    }
    return String.join("\n" + INDENT, lines);
  }

  private String audio(Locale language, Capabilities caps) {
    String key =
        !caps.audio()
            ? "models.audio.none"
            : caps.defaultAudio() ? "models.audio.on" : "models.audio.off";
    return messages.get(language, key);
  }

  private String inputs(Locale language, Capabilities caps) {
    List<String> parts = new ArrayList<>();
    if (caps.textToVideo()) {
      parts.add(messages.get(language, "models.input.text"));
    }
    if (caps.firstFrame()) {
      parts.add(messages.get(language, "models.input.first_frame"));
    }
    if (caps.lastFrame()) {
      parts.add(messages.get(language, "models.input.last_frame"));
    }
    List<String> refs = new ArrayList<>();
    addCount(language, refs, "models.refs.images", caps.maxReferenceImages());
    addCount(language, refs, "models.refs.videos", caps.maxReferenceVideos());
    addCount(language, refs, "models.refs.audio", caps.maxReferenceAudios());
    if (!refs.isEmpty()) {
      parts.add(messages.get(language, "models.input.references", list(language, refs)));
    }
    if (caps.requiresReferenceVideo()) {
      parts.add(messages.get(language, "models.input.needs_video"));
    }
    return String.join(PARTS, parts);
  }

  private void addCount(Locale language, List<String> into, String key, int count) {
    if (count > 0) {
      into.add(messages.get(language, key, count));
    }
  }

  private String list(Locale language, List<String> items) {
    return String.join(messages.get(language, "models.separator"), items);
  }

  private static String catalogDefault(ModelCatalog catalog, List<ModelFamily> families) {
    try {
      return catalog.defaultModel(families.get(0)).id();
    } catch (IllegalStateException e) {
      return null; // the catalogue has no default for this family: no marker
    }
  }

  /** The offered model named by {@code defaultId}, the id taking precedence over an alias. */
  private static ModelSpec defaultAmong(List<ModelSpec> offered, String defaultId) {
    if (defaultId == null) {
      return null;
    }
    return offered.stream()
        .filter(m -> m.id().equalsIgnoreCase(defaultId))
        .findFirst()
        .or(() -> offered.stream().filter(m -> m.alias().equalsIgnoreCase(defaultId)).findFirst())
        .orElse(null);
  }

  /** The alias shown in the title's example: a model other than the default, if there is one. */
  private static String exampleAlias(List<ModelSpec> offered, ModelSpec defaultModel) {
    return offered.stream()
        .filter(m -> !m.equals(defaultModel))
        .findFirst()
        .orElse(offered.get(0))
        .alias();
  }

  private static int height(String resolution) {
    String digits = resolution.replaceAll("\\D.*", "");
    return digits.isEmpty() || digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
  }
}
