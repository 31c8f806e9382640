package com.seedancebot.discord;

import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.delivery.ChatButton;
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
 * pings nobody else), carries the core's result buttons and caption; it is either the MP4 upload
 * (with the last frame attached when asked for) or, when the file is too big for the channel, an
 * embed linking the video with the last frame as its image. Texts may carry the core's labelled
 * buttons ({@code /history}). Texts are cut to Discord's limits. Stateless.
 */
public final class DiscordRenderer {

  private static final int MAX_CONTENT = Message.MAX_CONTENT_LENGTH;
  private static final int MAX_DESCRIPTION = MessageEmbed.DESCRIPTION_MAX_LENGTH;
  private static final String LAST_FRAME_NAME = "last-frame.png";
  private static final int ROW = 5;
  private static final int MAX_ROWS = 5;
  private static final int BUTTONS_PER_ROW = 5;
  private static final int MAX_BUTTONS = 25;

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

  /** A text with one Cancel button per job (up to Discord's 25, five to a row). */
  public MessageCreateData textWithCancels(String text, List<String> jobIds, Locale locale) {
    List<Button> buttons =
        jobIds.stream()
            .limit(MAX_BUTTONS)
            .map(
                id ->
                    Button.danger(
                        ButtonIds.of(ButtonAction.CANCEL, id),
                        messages.get(locale, "discord.button.cancel_job", id)))
            .toList();
    List<ActionRow> rows = new ArrayList<>();
    for (int i = 0; i < buttons.size(); i += BUTTONS_PER_ROW) {
      rows.add(ActionRow.of(buttons.subList(i, Math.min(buttons.size(), i + BUTTONS_PER_ROW))));
    }
    return new MessageCreateBuilder()
        .setContent(cut(text, MAX_CONTENT))
        .setAllowedMentions(List.of())
        .setComponents(rows)
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

  /** A text with the core's buttons under it (rows of at most five). */
  public MessageCreateData text(String text, List<ChatButton> buttons) {
    List<Button> made = new ArrayList<>();
    for (ChatButton b : buttons) {
      if (ButtonIds.fits(b.target())) {
        String id = ButtonIds.of(b.action(), b.target());
        made.add(
            b.action() == ButtonAction.SHOW
                ? Button.primary(id, cut(b.label(), Button.LABEL_MAX_LENGTH))
                : Button.secondary(id, cut(b.label(), Button.LABEL_MAX_LENGTH)));
      }
    }
    List<ActionRow> rows = new ArrayList<>();
    for (int i = 0; i < made.size() && rows.size() < MAX_ROWS; i += ROW) {
      rows.add(ActionRow.of(made.subList(i, Math.min(made.size(), i + ROW))));
    }
    return new MessageCreateBuilder()
        .setContent(cut(text, MAX_CONTENT))
        .setAllowedMentions(List.of())
        .setComponents(rows)
        .build();
  }

  /**
   * The MP4 itself, for a channel whose upload limit it fits; the last frame as a second attachment
   * when its owner asked for it ({@code --last-frame}).
   */
  public MessageCreateData upload(VideoDelivery video, Locale locale) {
    List<FileUpload> files = new ArrayList<>();
    files.add(FileUpload.fromData(video.video(), "seedance-" + safe(video.jobId()) + ".mp4"));
    if (video.postsLastFrame()) {
      files.add(FileUpload.fromData(video.lastFrame(), LAST_FRAME_NAME));
    }
    return new MessageCreateBuilder()
        .setContent(cut(mention(video) + "\n" + video.caption(), MAX_CONTENT))
        .setAllowedMentions(List.of())
        .mentionUsers(mentioned(video))
        .setFiles(files)
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

  /** The core's result buttons (Reroll, Continue, Final, Edit, Extend), in its order. */
  private List<Button> jobButtons(VideoDelivery video, Locale locale) {
    List<Button> buttons = new ArrayList<>();
    for (ButtonAction action : video.buttons()) {
      String id = ButtonIds.of(action, video.jobId());
      String label =
          messages.get(locale, "discord.button." + action.name().toLowerCase(Locale.ROOT));
      buttons.add(
          action == ButtonAction.CONTINUE || action == ButtonAction.FINAL
              ? Button.primary(id, label)
              : Button.secondary(id, label));
    }
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
