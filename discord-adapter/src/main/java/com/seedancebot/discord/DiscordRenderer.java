package com.seedancebot.discord;

import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.delivery.JobStatus;
import com.seedancebot.core.delivery.VideoDelivery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;

/**
 * Builds the Discord messages the chat port sends: plain texts, status messages (with a Cancel
 * button while the job can be cancelled) and video posts. A video post mentions its requester (and
 * pings nobody else), carries Reroll and Continue buttons and the job card (the core's caption); it
 * is either the MP4 upload or, when the file is too big for the channel, an embed linking the video
 * with the last frame as its image. Texts are cut to Discord's limits. Stateless.
 */
public final class DiscordRenderer {

  private static final int MAX_CONTENT = Message.MAX_CONTENT_LENGTH;
  private static final int MAX_DESCRIPTION = MessageEmbed.DESCRIPTION_MAX_LENGTH;
  private static final String LAST_FRAME_NAME = "last-frame.png";

  private final Messages messages;

  public DiscordRenderer(Messages messages) {
    this.messages = messages;
  }

  /** A text that pings nobody. */
  public MessageCreateData text(String text) {
    return new MessageCreateBuilder()
        .setContent(cut(text, MAX_CONTENT))
        .setAllowedMentions(List.of())
        .build();
  }

  /** A job's status line(s), with Cancel while the job can still be cancelled. */
  public MessageCreateData status(JobStatus status, Locale locale) {
    MessageCreateBuilder builder = new MessageCreateBuilder();
    builder.setContent(cut(status.text(), MAX_CONTENT)).setAllowedMentions(List.of());
    if (status.cancellable()) {
      builder.setComponents(
          ActionRow.of(
              Button.danger(
                  ButtonIds.of(ButtonAction.CANCEL, status.jobId()),
                  messages.get(locale, "discord.button.cancel"))));
    } else {
      builder.setComponents(List.of());
    }
    return builder.build();
  }

  /** The MP4 itself, for a channel whose upload limit it fits. */
  public MessageCreateData upload(VideoDelivery video, Locale locale) {
    return new MessageCreateBuilder()
        .setContent(cut(mention(video) + "\n" + video.caption(), MAX_CONTENT))
        .setAllowedMentions(List.of())
        .mentionUsers(mentioned(video))
        .setFiles(FileUpload.fromData(video.video(), "seedance-" + safe(video.jobId()) + ".mp4"))
        .setComponents(ActionRow.of(jobButtons(video, locale)))
        .build();
  }

  /** A link to the video (too big to upload here), the last frame as the embed's image. */
  public MessageCreateData link(VideoDelivery video, Locale locale, long limitBytes) {
    String url = video.videoLink().toString();
    EmbedBuilder embed =
        new EmbedBuilder()
            .setTitle(messages.get(locale, "discord.video.title"), url)
            .setDescription(cut(video.caption(), MAX_DESCRIPTION));
    MessageCreateBuilder builder = new MessageCreateBuilder();
    if (video.lastFrame() != null) {
      embed.setImage("attachment://" + LAST_FRAME_NAME);
      builder.setFiles(FileUpload.fromData(video.lastFrame(), LAST_FRAME_NAME));
    } else if (video.lastFrameLink() != null) {
      embed.setImage(video.lastFrameLink().toString());
    }
    List<Button> buttons = new ArrayList<>();
    buttons.add(Button.link(url, messages.get(locale, "discord.button.open")));
    buttons.addAll(jobButtons(video, locale));
    String notice =
        messages.get(
            locale, "discord.video.tooBig", megabytes(video.sizeBytes()), megabytes(limitBytes));
    return builder
        .setContent(cut(mention(video) + " " + notice, MAX_CONTENT))
        .setAllowedMentions(List.of())
        .mentionUsers(mentioned(video))
        .setEmbeds(embed.build())
        .setComponents(ActionRow.of(buttons))
        .build();
  }

  private List<Button> jobButtons(VideoDelivery video, Locale locale) {
    List<Button> buttons = new ArrayList<>();
    buttons.add(
        Button.secondary(
            ButtonIds.of(ButtonAction.REROLL, video.jobId()),
            messages.get(locale, "discord.button.reroll")));
    if (video.canContinue()) {
      buttons.add(
          Button.primary(
              ButtonIds.of(ButtonAction.CONTINUE, video.jobId()),
              messages.get(locale, "discord.button.continue")));
    }
    buttons.add(
        Button.secondary(
            ButtonIds.of(ButtonAction.EDIT, video.jobId()),
            messages.get(locale, "discord.button.edit")));
    buttons.add(
        Button.secondary(
            ButtonIds.of(ButtonAction.EXTEND, video.jobId()),
            messages.get(locale, "discord.button.extend")));
    return buttons;
  }

  private static String mention(VideoDelivery video) {
    return video.ownerUserId() == null ? "" : "<@" + video.ownerUserId() + ">";
  }

  private static List<String> mentioned(VideoDelivery video) {
    return video.ownerUserId() == null ? List.of() : List.of(video.ownerUserId());
  }

  private static String safe(String jobId) {
    return jobId.replaceAll("[^A-Za-z0-9_-]", "_");
  }

  private static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / (1024.0 * 1024.0));
  }

  static String cut(String text, int max) {
    String stripped = text.strip();
    return stripped.length() <= max ? stripped : stripped.substring(0, max - 1) + "…";
  }
}
