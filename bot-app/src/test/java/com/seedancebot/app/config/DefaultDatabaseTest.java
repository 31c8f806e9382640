package com.seedancebot.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The database the bot opens when none is configured (application.yml's H2 URL) survives a thread
 * interrupted in the middle of a write, as a stage timeout interrupts a hung upload: the write goes
 * through and the database stays usable, where H2's plain file store fails the connection.
 */
class DefaultDatabaseTest {

  @TempDir Path dir;

  @Test
  void aWriteInterruptedByAStageTimeoutGoesThroughAndTheDatabaseStaysUsable() throws Exception {
    String url = defaultUrl().replace("${bot.data-dir}", dir.toString());
    assertThat(EmbeddedDatabase.isEmbeddedUrl(url)).isTrue();
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      c.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(40))");
    }
    List<SQLException> failures = new ArrayList<>();
    Thread writer =
        new Thread(
            () -> {
              try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                for (int i = 0; i < 20_000; i++) {
                  try (PreparedStatement p =
                      c.prepareStatement("MERGE INTO t KEY (id) VALUES (?, ?)")) {
                    p.setInt(1, i % 500);
                    p.setString(2, "v" + i);
                    p.executeUpdate();
                  } catch (SQLException e) {
                    failures.add(e);
                    return;
                  }
                }
              } catch (SQLException e) {
                failures.add(e);
              }
            });
    writer.start();
    while (writer.isAlive()) {
      writer.interrupt();
      Thread.sleep(2);
    }

    assertThat(failures).isEmpty();
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      assertThat(c.createStatement().executeUpdate("UPDATE t SET v = 'after' WHERE id = 1"))
          .isEqualTo(1);
    }
  }

  private static String defaultUrl() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    Properties properties = yaml.getObject();
    return properties.getProperty("spring.datasource.url");
  }
}
