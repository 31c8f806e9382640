package com.seedancebot.discord;

import com.seedancebot.core.chat.Messages;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.interactions.DiscordLocale;
import net.dv8tion.jda.api.interactions.InteractionContextType;
import net.dv8tion.jda.api.interactions.commands.DefaultMemberPermissions;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.CommandData;
import net.dv8tion.jda.api.interactions.commands.build.Commands;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;

/**
 * The application commands the bot registers (DESIGN.md, "Commands"): {@code /video} with typed
 * options, {@code /jobs}, {@code /show job} (autocompleted from the caller's jobs), {@code /history
 * [page] [words]}, {@code /cancel job}, {@code /quota}, {@code /models}, {@code /settings}, {@code
 * /help}, {@code /story}, the message context commands "Animate with Seedance" and "Extend with
 * Seedance", and {@code /admin} with one subcommand per action, in servers only and shown by
 * default only to members with Manage Server. Names are English on every client (the same verbs as
 * on Telegram); descriptions come from the {@code discord} bundle, with Chinese for zh-CN and zh-TW
 * clients.
 */
public final class DiscordCommands {

  public static final String VIDEO = "video";
  public static final String STORY = "story";
  public static final String SCENES = "scenes";
  public static final String JOBS = "jobs";
  public static final String CANCEL = "cancel";
  public static final String QUOTA = "quota";
  public static final String MODELS = "models";
  public static final String SETTINGS = "settings";
  public static final String HELP = "help";
  public static final String ANIMATE = "Animate with Seedance";
  public static final String EXTEND = "Extend with Seedance";
  public static final String ADMIN = "admin";
  public static final String SHOW = "show";
  public static final String HISTORY = "history";

  public static final String PROMPT = "prompt";
  public static final String DURATION = "duration";
  public static final String RATIO = "ratio";
  public static final String RESOLUTION = "resolution";
  public static final String MODEL = "model";
  public static final String AUDIO = "audio";
  public static final String SEED = "seed";
  public static final String JOB = "job";
  public static final String USER = "user";
  public static final String PAGE = "page";
  public static final String DAYS = "days";
  public static final String WORDS = "words";
  public static final String SEND_LAST_FRAME = "send_last_frame";
  public static final String DRAFT = "draft";
  public static final String FLEX = "flex";
  public static final String SCOPE = "scope";
  public static final String SET = "set";

  /**
   * {@code /admin}'s subcommands; those naming a user take a typed {@link #USER} option, {@code
   * quota} also a {@link #SCOPE} (this chat or server) and what to {@link #SET}.
   */
  public static final List<String> ADMIN_ACTIONS =
      List.of("block", "unblock", "pause", "resume", "quota", "log", "stats", "jobs");

  /** The ratios of PROVIDERS.md, as offered choices. */
  public static final List<String> RATIOS =
      List.of("16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "adaptive");

  /** The resolutions of PROVIDERS.md, as offered choices. */
  public static final List<String> RESOLUTIONS = List.of("480p", "720p", "1080p");

  private static final long MAX_SEED = 4_294_967_295L;
  private static final List<DiscordLocale> CHINESE =
      List.of(DiscordLocale.CHINESE_CHINA, DiscordLocale.CHINESE_TAIWAN);

  private final Messages messages;

  public DiscordCommands(Messages messages) {
    this.messages = messages;
  }

  /** Every command, ready for a bulk overwrite (global or per guild). */
  public List<CommandData> all() {
    List<CommandData> commands = new ArrayList<>();
    commands.add(video());
    commands.add(story());
    commands.add(slash(JOBS));
    commands.add(
        slash(SHOW)
            .addOptions(
                option(OptionType.STRING, JOB, SHOW).setRequired(true).setAutoComplete(true)));
    commands.add(
        slash(HISTORY)
            .addOptions(
                option(OptionType.INTEGER, PAGE, HISTORY).setMinValue(1),
                option(OptionType.STRING, WORDS, HISTORY).setMaxLength(100)));
    commands.add(
        slash(CANCEL).addOptions(option(OptionType.STRING, JOB, CANCEL).setRequired(true)));
    commands.add(slash(QUOTA));
    commands.add(slash(MODELS));
    commands.add(slash(SETTINGS).addOptions(defaultsOptions(SETTINGS)));
    commands.add(slash(HELP));
    CommandData animate = Commands.message(ANIMATE).setContexts(contexts());
    CHINESE.forEach(
        l -> animate.setNameLocalization(l, text(Locale.CHINESE, "discord.cmd.animate")));
    commands.add(animate);
    CommandData extend = Commands.message(EXTEND).setContexts(contexts());
    CHINESE.forEach(l -> extend.setNameLocalization(l, text(Locale.CHINESE, "discord.cmd.extend")));
    commands.add(extend);
    commands.add(admin());
    return commands;
  }

  private SlashCommandData admin() {
    SlashCommandData admin =
        slash(ADMIN)
            .setContexts(InteractionContextType.GUILD)
            .setDefaultPermissions(DefaultMemberPermissions.enabledFor(Permission.MANAGE_SERVER));
    for (String action : ADMIN_ACTIONS) {
      String key = "discord.cmd.admin." + action;
      SubcommandData sub = new SubcommandData(action, text(Locale.ENGLISH, key));
      CHINESE.forEach(l -> sub.setDescriptionLocalization(l, text(Locale.CHINESE, key)));
      switch (action) {
        case "block", "unblock" ->
            sub.addOptions(option(OptionType.USER, USER, ADMIN).setRequired(true));
        case "quota" ->
            sub.addOptions(
                option(OptionType.STRING, SET, ADMIN).setRequired(true).setMaxLength(200),
                option(OptionType.USER, USER, ADMIN),
                option(OptionType.STRING, SCOPE, ADMIN)
                    .addChoice("chat", "chat")
                    .addChoice("server", "server"));
        case "log" -> sub.addOptions(option(OptionType.INTEGER, PAGE, ADMIN).setMinValue(1));
        case "stats" ->
            sub.addOptions(option(OptionType.INTEGER, DAYS, ADMIN).setRequiredRange(1, 90));
        default -> {
          // no options
        }
      }
      admin.addSubcommands(sub);
    }
    return admin;
  }

  private SlashCommandData video() {
    SlashCommandData video = slash(VIDEO);
    video.addOptions(option(OptionType.STRING, PROMPT, VIDEO).setMaxLength(4000));
    for (AttachmentSlot slot : AttachmentSlot.values()) {
      video.addOptions(option(OptionType.ATTACHMENT, slot.optionName(), VIDEO));
    }
    video.addOptions(defaultsOptions(VIDEO));
    video.addOptions(option(OptionType.INTEGER, SEED, VIDEO).setRequiredRange(-1, MAX_SEED));
    video.addOptions(
        option(OptionType.BOOLEAN, SEND_LAST_FRAME, VIDEO),
        option(OptionType.BOOLEAN, DRAFT, VIDEO),
        option(OptionType.BOOLEAN, FLEX, VIDEO));
    return video;
  }

  /**
   * {@code /story}: the scenes in one line, separated by {@code |}, with {@code /video}'s options.
   */
  private SlashCommandData story() {
    SlashCommandData story = slash(STORY);
    story.addOptions(option(OptionType.STRING, SCENES, STORY).setRequired(true).setMaxLength(4000));
    for (AttachmentSlot slot : AttachmentSlot.values()) {
      story.addOptions(option(OptionType.ATTACHMENT, slot.optionName(), VIDEO));
    }
    story.addOptions(defaultsOptions(VIDEO));
    story.addOptions(option(OptionType.INTEGER, SEED, VIDEO).setRequiredRange(-1, MAX_SEED));
    return story;
  }

  /** The options {@code /video} and {@code /settings} share. */
  private List<OptionData> defaultsOptions(String command) {
    OptionData ratio = option(OptionType.STRING, RATIO, command);
    RATIOS.forEach(r -> ratio.addChoice(r, r));
    OptionData resolution = option(OptionType.STRING, RESOLUTION, command);
    RESOLUTIONS.forEach(r -> resolution.addChoice(r, r));
    return List.of(
        option(OptionType.INTEGER, DURATION, command).setRequiredRange(-1, 15),
        ratio,
        resolution,
        option(OptionType.STRING, MODEL, command).setAutoComplete(true),
        option(OptionType.BOOLEAN, AUDIO, command));
  }

  private SlashCommandData slash(String name) {
    SlashCommandData command =
        Commands.slash(name, text(Locale.ENGLISH, "discord.cmd." + name)).setContexts(contexts());
    CHINESE.forEach(
        l -> command.setDescriptionLocalization(l, text(Locale.CHINESE, "discord.cmd." + name)));
    return command;
  }

  private OptionData option(OptionType type, String name, String command) {
    String key = "discord.opt." + command + "." + name;
    if (!messages.has(Locale.ENGLISH, key)) {
      key = "discord.opt." + name;
    }
    OptionData option = new OptionData(type, name, text(Locale.ENGLISH, key));
    for (DiscordLocale locale : CHINESE) {
      option.setDescriptionLocalization(locale, text(Locale.CHINESE, key));
    }
    return option;
  }

  private static List<InteractionContextType> contexts() {
    return List.of(InteractionContextType.GUILD, InteractionContextType.BOT_DM);
  }

  private String text(Locale locale, String key) {
    String text = messages.get(locale, key);
    return text.length() <= 100 ? text : text.substring(0, 100);
  }
}
