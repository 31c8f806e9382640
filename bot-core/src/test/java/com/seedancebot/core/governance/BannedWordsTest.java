package com.seedancebot.core.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which prompts a banned-words list catches, across case, width and scripts. */
class BannedWordsTest {

  private final BannedWords words = BannedWords.of(List.of("gore", "*blood*", "nsfw*", "暴力", " "));

  @Test
  void aPlainEntryMatchesAWholeWordInAnyCaseOrWidth() {
    assertThat(words.matches("a scene full of GORE")).isTrue();
    assertThat(words.matches("ｇｏｒｅ everywhere")).isTrue();
    assertThat(words.matches("gore.")).isTrue();
    assertThat(words.matches("Al Gore's speech")).isTrue();
    assertThat(words.matches("a gorge at sunset")).isFalse();
    assertThat(words.matches("gored by a bull")).isFalse();
  }

  @Test
  void starsLiftTheWordBoundary() {
    assertThat(words.matches("bloodthirsty vampires")).isTrue();
    assertThat(words.matches("a BLOODY mary")).isTrue();
    assertThat(words.matches("nsfwish art")).isTrue();
    assertThat(words.matches("unnsfw art")).isFalse();
  }

  @Test
  void chineseMatchesWithoutSpacesAndFullWidthPromptsAreNormalised() {
    assertThat(words.matches("一段充满暴力的场景")).isTrue();
    assertThat(words.matches("一只猫在雪地里")).isFalse();
    assertThat(words.matches("ＢＬＯＯＤ　moon")).isTrue();
  }

  @Test
  void anEmptyListMatchesNothing() {
    assertThat(BannedWords.none().matches("gore")).isFalse();
    assertThat(BannedWords.of(List.of("", "*")).isEmpty()).isTrue();
  }
}
