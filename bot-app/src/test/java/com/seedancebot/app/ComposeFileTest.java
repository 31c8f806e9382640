package com.seedancebot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's {@code compose.yaml} as an operator runs it: the bot's image (built by {@code
 * mvn -Pimage package}; {@link ContainerImageIT} checks the tar is loaded under that name) with its
 * data volume, PostgreSQL, the documented variables and a health check.
 */
class ComposeFileTest {

  @SuppressWarnings("unchecked")
  private static Map<String, Object> compose() throws IOException {
    try (Reader in = Files.newBufferedReader(Path.of("..", "compose.yaml"))) {
      return new Yaml().load(in);
    }
  }

  /** The images of the services that run the bot (those not from a public registry). */
  @SuppressWarnings("unchecked")
  static List<String> botImages() throws IOException {
    var services = (Map<String, Map<String, Object>>) compose().get("services");
    return services.values().stream()
        .map(service -> (String) service.get("image"))
        .filter(image -> image.startsWith("seedance-bot:"))
        .toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void runsTheBotsImageWithPostgresqlAndAHealthCheck() throws IOException {
    var services = (Map<String, Map<String, Object>>) compose().get("services");
    assertThat(services).containsOnlyKeys("postgres", "bot");
    assertThat(services.get("postgres").get("image")).isEqualTo("postgres:16");

    Map<String, Object> bot = services.get("bot");
    assertThat(bot.get("image")).isEqualTo("seedance-bot:latest");
    assertThat((List<String>) bot.get("volumes")).containsExactly("bot-data:/data");
    assertThat(bot).doesNotContainKeys("command", "user");
    assertThat(((Map<String, Object>) bot.get("environment")).keySet())
        .contains(
            "SPRING_DATASOURCE_URL",
            "SPRING_DATASOURCE_USERNAME",
            "SPRING_DATASOURCE_PASSWORD",
            "BOT_DATA_DIR",
            "BOT_PUBLIC_URL",
            "SEEDANCE_PROVIDER",
            "SEEDANCE_API_KEY",
            "TELEGRAM_BOT_TOKEN",
            "DISCORD_BOT_TOKEN");
    assertThat(((Map<String, Object>) bot.get("environment")).get("SPRING_DATASOURCE_URL"))
        .isEqualTo("jdbc:postgresql://postgres:5432/seedance");
    assertThat(
            String.join(
                " ", (List<String>) ((Map<String, Object>) bot.get("healthcheck")).get("test")))
        .contains("/actuator/health", "\"UP\"");
    assertThat(((Map<String, Object>) compose().get("volumes")).keySet())
        .contains("bot-data", "postgres-data");
  }
}
