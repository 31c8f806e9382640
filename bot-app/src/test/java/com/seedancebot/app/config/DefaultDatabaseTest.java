package com.seedancebot.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * The database the bot opens when none is configured (application.yml's H2 URL) survives threads
 * interrupted in the middle of writes, as a stage timeout interrupts a hung upload: a write may
 * fail (its unit is retried) but the connection and the database stay usable, where H2's plain file
 * store closes the database for every connection of the pool.
 */
class DefaultDatabaseTest {

  @TempDir Path dir;

  @Test
  void aConnectionInterruptedByStageTimeoutsMidWriteStaysUsable() throws Exception {
    String url = defaultUrl().replace("${bot.data-dir}", dir.toString());
    assertThat(EmbeddedDatabase.isEmbeddedUrl(url)).isTrue();
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      c.createStatement().execute("CREATE TABLE t (id INT PRIMARY KEY, v VARCHAR(40))");
    }
    CountDownLatch interrupted = new CountDownLatch(1);
    CountDownLatch quiet = new CountDownLatch(1);
    AtomicInteger afterwards = new AtomicInteger(-1);
    Thread writer =
        new Thread(
            () -> {
              try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                for (int i = 0; i < 20_000; i++) {
                  try {
                    write(c, i % 500, "v" + i);
                  } catch (SQLException e) {
                    Thread.interrupted(); // the unit fails and is retried: it may, once
                  }
                }
                interrupted.countDown();
                quiet.await();
                Thread.interrupted();
                afterwards.set(write(c, 1, "after"));
              } catch (SQLException | InterruptedException e) {
                afterwards.set(-2);
              }
            });
    writer.start();
    while (interrupted.getCount() > 0 && writer.isAlive()) {
      writer.interrupt();
      Thread.sleep(2);
    }
    quiet.countDown();
    writer.join(60_000);

    assertThat(afterwards).as("a write on the same connection afterwards").hasValue(1);
  }

  private static int write(Connection c, int id, String value) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("MERGE INTO t KEY (id) VALUES (?, ?)")) {
      p.setInt(1, id);
      p.setString(2, value);
      return p.executeUpdate();
    }
  }

  private static String defaultUrl() {
    YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
    yaml.setResources(new ClassPathResource("application.yml"));
    Properties properties = yaml.getObject();
    return properties.getProperty("spring.datasource.url");
  }
}
