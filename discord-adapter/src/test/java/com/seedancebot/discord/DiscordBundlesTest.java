package com.seedancebot.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.chat.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class DiscordBundlesTest {

  @Test
  void every_english_key_has_a_chinese_text() throws IOException {
    Properties english = new Properties();
    try (InputStream in = getClass().getResourceAsStream("/i18n/discord_en.properties")) {
      english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Messages messages = new Messages();

    assertThat(english.stringPropertyNames())
        .isNotEmpty()
        .allSatisfy(key -> assertThat(messages.has(Locale.CHINESE, key)).as(key).isTrue());
  }

  @Test
  void the_commands_of_the_design_are_defined_with_chinese_descriptions() {
    var commands = new DiscordCommands(new Messages()).all();

    assertThat(commands)
        .extracting(c -> c.getName())
        .containsExactly(
            "video",
            "story",
            "jobs",
            "show",
            "history",
            "cancel",
            "quota",
            "models",
            "settings",
            "help",
            "Animate with Seedance",
            "Extend with Seedance",
            "admin");
    var admin =
        (net.dv8tion.jda.api.interactions.commands.build.SlashCommandData)
            commands.get(commands.size() - 1);
    assertThat(admin.getSubcommands())
        .extracting(c -> c.getName())
        .containsExactly("block", "unblock", "pause", "resume", "quota", "log", "stats", "jobs");
    assertThat(admin.getSubcommands().get(4).getOptions())
        .extracting(o -> o.getName() + ":" + o.getType())
        .containsExactly("set:STRING", "user:USER", "scope:STRING");
    assertThat(admin.getSubcommands().get(0).getOptions())
        .singleElement()
        .satisfies(
            o ->
                assertThat(o.getType())
                    .isEqualTo(net.dv8tion.jda.api.interactions.commands.OptionType.USER));
    assertThat(admin.getDefaultPermissions().getPermissionsRaw())
        .isEqualTo(net.dv8tion.jda.api.Permission.MANAGE_SERVER.getRawValue());
    assertThat(admin.getContexts())
        .containsExactly(net.dv8tion.jda.api.interactions.InteractionContextType.GUILD);
    var video = (net.dv8tion.jda.api.interactions.commands.build.SlashCommandData) commands.get(0);
    assertThat(video.getOptions())
        .extracting(o -> o.getName())
        .containsExactly(
            "prompt",
            "image",
            "last_frame",
            "ref1",
            "ref2",
            "ref3",
            "reference_video",
            "reference_audio",
            "duration",
            "ratio",
            "resolution",
            "model",
            "audio",
            "seed",
            "send_last_frame",
            "draft",
            "flex");
    assertThat(video.getDescriptionLocalizations().toMap())
        .containsEntry(
            net.dv8tion.jda.api.interactions.DiscordLocale.CHINESE_CHINA, "用 Seedance 生成视频");
  }
}
