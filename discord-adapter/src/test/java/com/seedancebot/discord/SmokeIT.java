package com.seedancebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.ChatCommand;
import com.seedancebot.discord.fake.FakeDiscord;
import org.junit.jupiter.api.Test;

class SmokeIT {
  @Test
  void connects_registers_and_defers() throws Exception {
    try (DiscordHarness h = new DiscordHarness()) {
      h.fake.awaitCall("command registration", c -> c.is("PUT", "/api/v10/applications/"));
      var sent = h.fake.slash("quota").by(FakeDiscord.OWNER).send();
      var request = h.inbox.awaitCommand();
      assertThat(request.command()).isEqualTo(new ChatCommand.Quota());
      h.fake.awaitCall("ack", c -> c.path().contains(sent.id()));
    }
  }
}
