package com.seedancebot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code /story}: scenes split at {@code |} or line breaks, options anywhere for every scene. */
class StoryCommandParsingTest {

  private final CommandParser parser = new CommandParser("SeedanceBot");

  @Test
  void scenesAreSplitAtBarsAndLineBreaksAndTheOptionsApplyToAll() {
    ParseResult parsed =
        parser.parse(
            "/story a knight rides out | he reaches a castle\nthe gate opens --duration 5");

    assertThat(parsed).isInstanceOf(ParseResult.Parsed.class);
    ChatCommand.Story story = (ChatCommand.Story) ((ParseResult.Parsed) parsed).command();
    assertThat(story.scenes())
        .containsExactly("a knight rides out", "he reaches a castle", "the gate opens");
    assertThat(story.options().duration()).isEqualTo(5);
  }

  @Test
  void anOptionBetweenScenesStaysOutOfTheirText() {
    ChatCommand.Story story =
        (ChatCommand.Story)
            ((ParseResult.Parsed) parser.parse("/story --ratio 9:16 dawn | dusk ||")).command();

    assertThat(story.scenes()).containsExactly("dawn", "dusk");
    assertThat(story.options().ratio()).isEqualTo("9:16");
  }

  @Test
  void discordsOneLineOfScenesIsSplitTheSameWay() {
    assertThat(CommandParser.scenes(" a | b |  | c ")).containsExactly("a", "b", "c");
  }

  @Test
  void extendIsReadAsAFlagOfVideo() {
    ChatCommand.Video video =
        (ChatCommand.Video)
            ((ParseResult.Parsed) parser.parse("/video --extend the car drives on")).command();

    assertThat(video.extend()).isTrue();
    assertThat(video.prompt()).isEqualTo("the car drives on");
  }
}
