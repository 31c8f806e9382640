package com.seedancebot.discord;

import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.request.ModelFamily;
import com.seedancebot.core.request.ModelSpec;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Autocomplete for the {@code model} option: the catalogue's models of the families this bot is
 * configured for, filtered by what the user typed (id, alias or label, case-insensitive), at most
 * Discord's 25 choices. The value sent back is the model's exact id. Immutable and thread-safe.
 */
public final class ModelChoices {

  /** Discord accepts at most 25 autocomplete choices. */
  public static final int MAX_CHOICES = 25;

  private static final int MAX_NAME = 100;

  private final ModelCatalog catalog;
  private final Set<ModelFamily> families;

  /**
   * @param families the families whose models are offered; empty = every family of the catalogue
   */
  public ModelChoices(ModelCatalog catalog, Set<ModelFamily> families) {
    this.catalog = catalog;
    this.families = Set.copyOf(families);
  }

  /** One autocomplete choice: what the user sees and the value Discord sends back. */
  public record Choice(String name, String value) {}

  /** The choices matching the typed text, in catalogue order. */
  public List<Choice> matching(String typed) {
    String wanted = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
    return offered().stream()
        .filter(m -> wanted.isEmpty() || matches(m, wanted))
        .limit(MAX_CHOICES)
        .map(m -> new Choice(name(m), m.id()))
        .toList();
  }

  private List<ModelSpec> offered() {
    if (families.isEmpty()) {
      return catalog.all();
    }
    return catalog.all().stream().filter(m -> families.contains(m.family())).toList();
  }

  private static boolean matches(ModelSpec model, String wanted) {
    return model.id().toLowerCase(Locale.ROOT).contains(wanted)
        || model.alias().toLowerCase(Locale.ROOT).contains(wanted)
        || model.label().toLowerCase(Locale.ROOT).contains(wanted);
  }

  private static String name(ModelSpec model) {
    String name = model.label() + " (" + model.alias() + ") · " + model.id();
    return name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME);
  }
}
