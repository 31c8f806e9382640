package com.seedancebot.discord;

import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ChatCommand;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.ChatRequest;
import com.seedancebot.core.chat.CommandParser;
import com.seedancebot.core.chat.IncomingAttachment;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.ReplyTarget;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.chat.VideoOptions;
import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.entities.Member;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.Role;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.interactions.Interaction;
import net.dv8tion.jda.api.interactions.commands.CommandInteractionPayload;
import net.dv8tion.jda.api.interactions.commands.OptionMapping;
import net.dv8tion.jda.api.interactions.commands.SlashCommandInteraction;
import net.dv8tion.jda.api.interactions.commands.context.MessageContextInteraction;

/**
 * Turns Discord interactions into the core's platform-neutral requests. The request id handed to
 * the core ({@code ChatRequest.messageId}) is the interaction id, which the chat port maps back to
 * the interaction's webhook.
 *
 * <p>Identity: {@code UserRef(DISCORD, user id, server nickname or global name, zh-CN/zh-TW client
 * → Chinese else English, admin = Manage Server in guilds; in a DM the user is the chat's admin)}.
 * Place: {@code ChatRef(DISCORD, channel id, thread id, guild id)}; in a thread the chat is the
 * thread's parent channel and the thread is {@code threadId} (like a Telegram forum topic), so
 * per-chat settings cover a channel and its threads while answers go into the thread.
 *
 * <p>Attachments are checked from Discord's metadata (declared type and size) before anything is
 * downloaded; a bad one rejects the whole interaction. Stateless and thread-safe.
 */
public final class DiscordCommandReader {

  private final Messages messages;
  private final AttachmentRules rules;

  public DiscordCommandReader(Messages messages, AttachmentRules rules) {
    this.messages = messages;
    this.rules = rules;
  }

  /** Whether the answer to a command is for its user only (everything but new videos). */
  public static boolean isPrivate(ChatCommand command) {
    // Java 17 has no pattern switch over the sealed type: new videos are the one public answer.
    return !(command instanceof ChatCommand.Video || command instanceof ChatCommand.Story);
  }

  /** The request a slash command stands for. */
  public ReadResult read(SlashCommandInteraction event) {
    ChatCommand command;
    List<IncomingAttachment> attachments = List.of();
    switch (event.getName()) {
      case DiscordCommands.VIDEO, DiscordCommands.STORY -> {
        List<IncomingAttachment> found = new ArrayList<>();
        for (AttachmentSlot slot : AttachmentSlot.values()) {
          OptionMapping option = event.getOption(slot.optionName());
          if (option != null) {
            Message.Attachment file = option.getAsAttachment();
            Optional<Rejection> problem = check(slot.optionName(), slot.kind(), file);
            if (problem.isPresent()) {
              return new ReadResult.Rejected(problem.get());
            }
            found.add(attachment(event, file, slot.role()));
          }
        }
        attachments = found;
        command =
            DiscordCommands.STORY.equals(event.getName())
                ? new ChatCommand.Story(
                    CommandParser.scenes(text(event, DiscordCommands.SCENES)), options(event))
                : new ChatCommand.Video(text(event, DiscordCommands.PROMPT), options(event));
      }
      case DiscordCommands.JOBS -> command = new ChatCommand.Jobs();
      case DiscordCommands.SHOW ->
          command =
              new ChatCommand.Show(text(event, DiscordCommands.JOB).strip().replaceFirst("^#", ""));
      case DiscordCommands.HISTORY -> {
        Integer page = option(event, DiscordCommands.PAGE, OptionMapping::getAsInt);
        command =
            new ChatCommand.History(page == null ? 1 : page, text(event, DiscordCommands.WORDS));
      }
      case DiscordCommands.CANCEL ->
          command = new ChatCommand.Cancel(text(event, DiscordCommands.JOB));
      case DiscordCommands.QUOTA -> command = new ChatCommand.Quota();
      case DiscordCommands.MODELS -> command = new ChatCommand.Models();
      case DiscordCommands.SETTINGS -> command = new ChatCommand.Settings(options(event));
      case DiscordCommands.HELP -> command = new ChatCommand.Help();
      case DiscordCommands.ADMIN -> command = admin(event);
      default -> {
        return new ReadResult.Rejected(Rejection.of("discord.command.unknown", event.getName()));
      }
    }
    return new ReadResult.Accepted(
        new ChatRequest(user(event), chat(event), event.getId(), command, attachments));
  }

  /**
   * {@code /admin <action>}: the typed user (its id) or scope, page or days, then the words of what
   * to set, become the words after it.
   */
  private static ChatCommand admin(SlashCommandInteraction event) {
    List<String> args = new ArrayList<>();
    for (String name :
        List.of(
            DiscordCommands.USER,
            DiscordCommands.SCOPE,
            DiscordCommands.PAGE,
            DiscordCommands.DAYS)) {
      OptionMapping option = event.getOption(name);
      if (option != null) {
        args.add(option.getAsString());
      }
    }
    OptionMapping set = event.getOption(DiscordCommands.SET);
    if (set != null) {
      args.addAll(List.of(set.getAsString().strip().split("\\s+")));
    }
    return new ChatCommand.Admin(event.getSubcommandName(), args);
  }

  /**
   * "Animate with Seedance" on a message: its first image becomes the first frame of a new video.
   * Some models need a prompt even with a first frame, so the request carries a short default
   * prompt in the user's language ({@code discord.animate.prompt}).
   */
  public ReadResult read(MessageContextInteraction event) {
    Optional<Message.Attachment> image =
        event.getTarget().getAttachments().stream()
            .filter(
                a -> {
                  String type = AttachmentRules.typeOf(a.getContentType(), a.getFileName());
                  return type != null && type.startsWith("image/");
                })
            .findFirst();
    if (image.isEmpty()) {
      return new ReadResult.Rejected(Rejection.of("discord.animate.noImage"));
    }
    Optional<Rejection> problem = check("image", MediaKind.IMAGE, image.get());
    if (problem.isPresent()) {
      return new ReadResult.Rejected(problem.get());
    }
    UserRef user = user(event);
    String prompt = messages.get(user.locale(), "discord.animate.prompt");
    return new ReadResult.Accepted(
        new ChatRequest(
            user,
            chat(event),
            event.getId(),
            new ChatCommand.Video(prompt, VideoOptions.none()),
            List.of(attachment(event, image.get(), MediaRole.FIRST_FRAME))));
  }

  /**
   * "Extend with Seedance" on a message: one of the bot's videos goes on from its stored copy (the
   * job named by the bot's buttons under it); another message's first video is the reference. The
   * extension text is the neutral "it goes on naturally" (the Extend button asks for one).
   */
  public ReadResult readExtension(MessageContextInteraction event) {
    Message target = event.getTarget();
    ChatCommand extend = new ChatCommand.Video("", VideoOptions.none(), true);
    if (target.getAuthor().getId().equals(event.getJDA().getSelfUser().getId())) {
      Optional<String> job =
          target.getComponentTree().findAll(Button.class).stream()
              .map(b -> ButtonIds.parse(b.getCustomId()))
              .flatMap(Optional::stream)
              .filter(p -> p.action() != ButtonAction.CANCEL)
              .map(ButtonIds.Press::jobId)
              .findFirst();
      if (job.isPresent()) {
        return new ReadResult.Accepted(
            new ChatRequest(
                user(event),
                chat(event),
                event.getId(),
                extend,
                List.of(),
                ReplyTarget.video(job.get())));
      }
    }
    Optional<Message.Attachment> video =
        target.getAttachments().stream()
            .filter(
                a -> {
                  String type = AttachmentRules.typeOf(a.getContentType(), a.getFileName());
                  return type != null && type.startsWith("video/");
                })
            .findFirst();
    if (video.isEmpty()) {
      return new ReadResult.Rejected(Rejection.of("discord.extend.noVideo"));
    }
    Optional<Rejection> problem = check("video", MediaKind.VIDEO, video.get());
    if (problem.isPresent()) {
      return new ReadResult.Rejected(problem.get());
    }
    return new ReadResult.Accepted(
        new ChatRequest(
            user(event),
            chat(event),
            event.getId(),
            extend,
            List.of(attachment(event, video.get(), MediaRole.REFERENCE))));
  }

  /** Who is interacting. */
  public UserRef user(Interaction interaction) {
    Member member = interaction.getMember();
    String name =
        member != null ? member.getEffectiveName() : interaction.getUser().getEffectiveName();
    boolean admin = member == null || member.hasPermission(Permission.MANAGE_SERVER);
    Set<String> roles =
        member == null
            ? Set.of()
            : member.getRoles().stream().map(Role::getId).collect(Collectors.toSet());
    return new UserRef(
        Platform.DISCORD, interaction.getUser().getId(), name, locale(interaction), admin, roles);
  }

  /** Where the interaction happened. */
  public ChatRef chat(Interaction interaction) {
    String guildId = interaction.getGuild() == null ? null : interaction.getGuild().getId();
    if (interaction.getChannel() instanceof ThreadChannel thread) {
      return new ChatRef(
          Platform.DISCORD, thread.getParentChannel().getId(), thread.getId(), guildId);
    }
    return new ChatRef(Platform.DISCORD, interaction.getChannelId(), null, guildId);
  }

  /** The bot's language for the user's Discord client language. */
  public static Locale locale(Interaction interaction) {
    return Messages.languageOf(interaction.getUserLocale().getLocale());
  }

  private Optional<Rejection> check(String option, MediaKind kind, Message.Attachment file) {
    return rules.check(option, kind, file.getFileName(), file.getContentType(), file.getSize());
  }

  private static IncomingAttachment attachment(
      Interaction event, Message.Attachment file, MediaRole role) {
    return new IncomingAttachment(
        file.getFileName(),
        file.getContentType(),
        file.getSize(),
        role,
        new DiscordAttachmentContent(
            event.getJDA().getHttpClient(), file.getUrl(), file.getFileName()));
  }

  private static VideoOptions options(CommandInteractionPayload event) {
    return new VideoOptions(
        option(event, DiscordCommands.DURATION, OptionMapping::getAsInt),
        option(event, DiscordCommands.RATIO, OptionMapping::getAsString),
        option(event, DiscordCommands.RESOLUTION, OptionMapping::getAsString),
        option(event, DiscordCommands.MODEL, OptionMapping::getAsString),
        option(event, DiscordCommands.AUDIO, OptionMapping::getAsBoolean),
        option(event, DiscordCommands.SEED, OptionMapping::getAsLong),
        flag(event, DiscordCommands.SEND_LAST_FRAME),
        false,
        List.of(),
        false,
        false,
        flag(event, DiscordCommands.DRAFT),
        flag(event, DiscordCommands.FLEX));
  }

  private static boolean flag(CommandInteractionPayload event, String name) {
    return Boolean.TRUE.equals(option(event, name, OptionMapping::getAsBoolean));
  }

  private static String text(CommandInteractionPayload event, String name) {
    String value = option(event, name, OptionMapping::getAsString);
    return value == null ? "" : value;
  }

  private static <T> T option(
      CommandInteractionPayload event, String name, Function<OptionMapping, T> read) {
    OptionMapping option = event.getOption(name);
    return option == null ? null : read.apply(option);
  }
}
