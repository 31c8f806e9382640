package com.seedancebot.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The repository's {@code compose.yaml} as an operator runs it (docs/SCALING.md): three bots on the
 * bot's image (built by {@code mvn -Pimage package}; {@link ContainerImageIT} checks the tar is
 * loaded under that name), each with its own instance id, data volume and Discord shard, all on one
 * PostgreSQL, one MinIO bucket and one signing key, behind an nginx load balancer whose
 * configuration names all three; every variable the bots get is one the README documents.
 */
class ComposeFileTest {

  private static final List<String> BOTS = List.of("bot-1", "bot-2", "bot-3");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> compose() throws IOException {
    try (Reader in = Files.newBufferedReader(Path.of("..", "compose.yaml"))) {
      return new Yaml().load(in);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services() throws IOException {
    return (Map<String, Map<String, Object>>) compose().get("services");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> environment(String service) throws IOException {
    return (Map<String, Object>) services().get(service).get("environment");
  }

  /** The images of the services that run the bot (those not from a public registry). */
  static List<String> botImages() throws IOException {
    return services().values().stream()
        .map(service -> (String) service.get("image"))
        .filter(image -> image.startsWith("seedance-bot:"))
        .toList();
  }

  @Test
  @SuppressWarnings("unchecked")
  void runsThreeBotsOnTheBotsImageWithPostgresqlMinioAndLoadBalancer() throws IOException {
    assertThat(services())
        .containsOnlyKeys("postgres", "minio", "bucket", "bot-1", "bot-2", "bot-3", "lb");
    assertThat(services().get("postgres").get("image")).isEqualTo("postgres:16");
    for (String name : BOTS) {
      Map<String, Object> bot = services().get(name);
      assertThat(bot.get("image")).isEqualTo("seedance-bot:latest");
      assertThat((List<String>) bot.get("volumes")).containsExactly(name + "-data:/data");
      assertThat(bot).doesNotContainKeys("command", "user");
      assertThat(bot.get("healthcheck").toString()).contains("/actuator/health", "\"UP\"");
      assertThat(bot.get("depends_on").toString()).contains("postgres", "bucket");
    }
    assertThat(((Map<String, Object>) compose().get("volumes")).keySet())
        .contains("postgres-data", "minio-data", "bot-1-data", "bot-2-data", "bot-3-data");
  }

  @Test
  void theBotsShareDatabaseStoreAndKeyEachWithItsOwnIdAndShard() throws IOException {
    for (String name : BOTS) {
      Map<String, Object> env = environment(name);
      assertThat(env.get("SPRING_DATASOURCE_URL"))
          .isEqualTo("jdbc:postgresql://postgres:5432/seedance");
      assertThat(env.get("BOT_STORAGE_S3_ENDPOINT")).isEqualTo("http://minio:9000");
      assertThat(env.get("BOT_STORAGE_S3_PATH_STYLE")).isEqualTo("true");
      assertThat(env.get("BOT_SIGNING_KEY").toString()).startsWith("${BOT_SIGNING_KEY:?");
      assertThat(env.get("BOT_INSTANCE_ID")).isEqualTo(name);
      assertThat(env.get("DISCORD_SHARD_TOTAL")).isEqualTo("3");
    }
    assertThat(BOTS.stream().map(this::shardOf).collect(Collectors.toSet()))
        .containsExactlyInAnyOrder("0", "1", "2");
  }

  @Test
  void everyVariableTheBotsGetIsDocumentedInTheReadme() throws IOException {
    String readme = Files.readString(Path.of("..", "README.md"));
    for (String name : BOTS) {
      assertThat(environment(name).keySet())
          .filteredOn(v -> v.matches("(BOT|SEEDANCE|TELEGRAM|DISCORD)_.*"))
          .allSatisfy(v -> assertThat(readme).as(v).contains("`" + v + "`"));
    }
  }

  @Test
  void theLoadBalancerSpreadsOverAllThreeAndChecksItsOwnHealth() throws IOException {
    Map<String, Object> lb = services().get("lb");
    assertThat(lb.get("volumes").toString()).contains("./deploy/nginx.conf:");
    assertThat(lb.get("ports").toString()).contains("8080:80");
    assertThat(lb.get("healthcheck").toString()).contains("/lb-health");
    String nginx = Files.readString(Path.of("..", "deploy", "nginx.conf"));
    for (String name : BOTS) {
      assertThat(nginx).contains("server " + name + ":8080");
    }
    assertThat(nginx).contains("location = /lb-health", "proxy_next_upstream error");
  }

  private String shardOf(String bot) {
    try {
      return environment(bot).get("DISCORD_SHARDS").toString();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
