package com.seedancebot.app.config;

import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.request.ModelFamily;
import com.seedancebot.core.request.ModelSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Checks the operator's settings before the application context starts, so a wrong or missing one
 * stops the bot with one line naming it ({@link InvalidSettingException}, reported by {@link
 * InvalidSettingFailureAnalyzer}) instead of a failure deep inside Spring's start: every {@code
 * seedance}, {@code bot}, {@code bot.pipeline} and {@code bot.quota} value must be readable (e.g.
 * durations), each provider known with a valid base URL and its key, the default model offered by a
 * configured provider, and the data directory readable and writable. Registered in {@code
 * META-INF/spring.factories}.
 */
public class SettingsCheck
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    check(context.getEnvironment());
  }

  /** Throws an {@link InvalidSettingException} for the first wrong setting found. */
  static void check(ConfigurableEnvironment environment) {
    SeedanceProperties seedance = bind(environment, "seedance", SeedanceProperties.class);
    BotProperties bot = bind(environment, "bot", BotProperties.class);
    bind(environment, "bot.pipeline", PipelineProperties.class);
    bind(environment, "bot.quota", QuotaProperties.class);
    Set<ModelFamily> families = providerFamilies(seedance);
    defaultModel(seedance.model(), families);
    dataDir(bot.dataDir());
  }

  private static <T> T bind(ConfigurableEnvironment environment, String prefix, Class<T> type) {
    try {
      return Binder.get(environment).bindOrCreate(prefix, Bindable.of(type));
    } catch (BindException e) {
      throw BindFailures.explain(environment, e);
    }
  }

  /** Checks every provider's settings; returns the model families they run. */
  private static Set<ModelFamily> providerFamilies(SeedanceProperties seedance) {
    Set<ModelFamily> families = new LinkedHashSet<>();
    families.add(
        checked(
            SettingNames.FIRST_PROVIDER,
            seedance.provider(),
            seedance.baseUrl(),
            seedance.apiKey()));
    for (int i = 0; i < seedance.providers().size(); i++) {
      SeedanceProperties.Extra extra = seedance.providers().get(i);
      families.add(
          checked(
              SettingNames.extraProvider(i), extra.provider(), extra.baseUrl(), extra.apiKey()));
    }
    return families;
  }

  private static ModelFamily checked(
      SettingNames names, String provider, String baseUrl, String apiKey) {
    ProviderKind kind = ProviderKind.parse(names.provider(), provider);
    kind.baseUrl(names.baseUrl(), baseUrl);
    kind.apiKey(names.apiKey(), apiKey);
    return kind.family();
  }

  private static void defaultModel(String model, Set<ModelFamily> families) {
    if (model == null || model.isBlank()) {
      return;
    }
    ModelCatalog catalog = ModelCatalog.standard();
    if (families.stream().anyMatch(f -> catalog.find(f, model).isPresent())) {
      return;
    }
    List<String> offered = new ArrayList<>();
    families.forEach(f -> catalog.family(f).stream().map(ModelSpec::alias).forEach(offered::add));
    throw new InvalidSettingException(
        SettingNames.FIRST_PROVIDER.model(),
        "is '"
            + model.strip()
            + "', which the configured providers do not offer: set it to one of "
            + offered.stream().distinct().collect(Collectors.joining(", "))
            + " (or a model id), or unset it for the provider's default");
  }

  private static void dataDir(Path dir) {
    String fix = ": point it at a directory the bot's user may read and write";
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new InvalidSettingException(
          "BOT_DATA_DIR", "is '" + dir + "', which cannot be created (" + reason(e) + ")" + fix);
    }
    if (!Files.isReadable(dir)) {
      throw new InvalidSettingException(
          "BOT_DATA_DIR", "is '" + dir + "', which is unreadable" + fix);
    }
    try {
      Files.delete(Files.createTempFile(dir, ".write-check-", ".tmp"));
    } catch (IOException e) {
      throw new InvalidSettingException(
          "BOT_DATA_DIR", "is '" + dir + "', which is not writable (" + reason(e) + ")" + fix);
    }
  }

  private static String reason(IOException e) {
    return e.getClass().getSimpleName()
        + (e.getMessage() == null || e instanceof java.nio.file.FileSystemException
            ? ""
            : ": " + e.getMessage());
  }
}
