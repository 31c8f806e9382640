package com.seedancebot.app.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmbeddedDatabaseTest {

  @Test
  void onlyAnH2DatabaseNoOtherProcessCanOpenIsEmbedded() {
    assertThat(EmbeddedDatabase.isEmbeddedUrl("jdbc:h2:file:/data/seedance;WRITE_DELAY=0"))
        .isTrue();
    assertThat(EmbeddedDatabase.isEmbeddedUrl("jdbc:h2:mem:test")).isTrue();
    assertThat(EmbeddedDatabase.isEmbeddedUrl("jdbc:h2:/data/seedance;AUTO_SERVER=TRUE")).isFalse();
    assertThat(EmbeddedDatabase.isEmbeddedUrl("jdbc:h2:tcp://db:9092/seedance")).isFalse();
    assertThat(EmbeddedDatabase.isEmbeddedUrl("jdbc:postgresql://db:5432/seedance")).isFalse();
    assertThat(EmbeddedDatabase.isEmbeddedUrl(null)).isFalse();
  }
}
