package com.seedancebot.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.app.ImageTarball.FileEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The container image as an engine runs it. Every {@code mvn verify} builds the image once on the
 * empty base {@code scratch} ({@code target/image-for-tests.tar}, path from the {@code
 * seedance.image-for-tests} system property failsafe sets): the same Jib configuration that {@code
 * mvn -Pimage package} builds on the JRE image, without a registry or network. This test reads that
 * tar as {@code docker load} does and checks what the container will do: start the application with
 * a heap that follows the container's memory, as a non-root user who can write the data volume,
 * listening on the exposed port, with no setting but those two baked in.
 */
class ContainerImageIT {

  private static ImageTarball image;

  @BeforeAll
  static void readTheImage() throws IOException {
    image = ImageTarball.read(Path.of(System.getProperty("seedance.image-for-tests")));
  }

  @Test
  void theEntrypointStartsTheApplicationWithAHeapThatFollowsTheContainersMemory() {
    List<String> entrypoint = strings(image.config().path("Entrypoint"));

    assertThat(entrypoint)
        .startsWith("java")
        .contains("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")
        .containsSequence("-cp", "@/app/jib-classpath-file")
        .endsWith(SeedanceBotApplication.class.getName());
    List<String> classpath = Arrays.asList(image.text("/app/jib-classpath-file").trim().split(":"));
    assertThat(classpath)
        .as("every classpath element is in the image")
        .hasSizeGreaterThan(50)
        .allSatisfy(element -> assertThat(image.file(element)).as(element).isPresent());
    assertThat(image.file("/app/classes/com/seedancebot/app/SeedanceBotApplication.class"))
        .isPresent();
  }

  @Test
  void runsAsANonRootUserWhoCanWriteTheDataVolume() {
    String user = image.config().path("User").asString();
    assertThat(user).as("numeric uid:gid, so no passwd entry is needed").matches("\\d+:\\d+");
    long uid = Long.parseLong(user.split(":")[0]);
    long gid = Long.parseLong(user.split(":")[1]);
    assertThat(uid).as("uid").isNotZero();

    assertThat(names(image.config().path("Volumes"))).containsExactly("/data");
    assertThat(environment()).containsEntry("BOT_DATA_DIR", "/data");
    // a fresh named volume takes over the image's directory: owner, group and mode
    FileEntry data = image.file("/data").orElseThrow();
    assertThat(data.directory()).isTrue();
    assertThat(writableBy(data, uid, gid)).as("/data writable by " + user).isTrue();
  }

  @Test
  void exposesThePortTheBotListensOn() {
    assertThat(names(image.config().path("ExposedPorts"))).containsExactly("8080/tcp");
    assertThat(environment()).containsEntry("SERVER_PORT", "8080");
  }

  @Test
  void bakesInNoSettingButTheDataDirectoryAndPort() {
    assertThat(environment()).containsOnlyKeys("BOT_DATA_DIR", "SERVER_PORT");
  }

  @Test
  void isLoadedUnderTheNameComposeRunsAndLabelledWithItsVersion() throws IOException {
    String version =
        image.config().path("Labels").path("org.opencontainers.image.version").asString();

    assertThat(version).isNotBlank();
    assertThat(image.tags()).contains("seedance-bot:latest", "seedance-bot:" + version);
    assertThat(image.config().path("Labels").path("org.opencontainers.image.title").asString())
        .isEqualTo("seedance-bot");
    assertThat(ComposeFileTest.botImages()).isNotEmpty().isSubsetOf(image.tags());
  }

  private static boolean writableBy(FileEntry file, long uid, long gid) {
    int mode = file.mode() & 0777;
    return (file.uid() == uid && (mode & 0200) != 0)
        || (file.gid() == gid && (mode & 0020) != 0)
        || (mode & 0002) != 0;
  }

  private static Map<String, String> environment() {
    Map<String, String> env = new TreeMap<>();
    for (String variable : strings(image.config().path("Env"))) {
      String[] nameValue = variable.split("=", 2);
      env.put(nameValue[0], nameValue[1]);
    }
    return env;
  }

  private static List<String> strings(JsonNode array) {
    List<String> strings = new ArrayList<>();
    array.forEach(s -> strings.add(s.asString()));
    return strings;
  }

  private static List<String> names(JsonNode object) {
    return new ArrayList<>(object.propertyNames());
  }
}
