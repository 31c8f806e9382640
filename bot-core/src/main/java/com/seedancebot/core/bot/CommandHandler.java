package com.seedancebot.core.bot;

import com.seedancebot.core.asset.FreeSpaceGuard;
import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ChatCommand;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.ChatRequest;
import com.seedancebot.core.chat.CommandParser;
import com.seedancebot.core.chat.IncomingAttachment;
import com.seedancebot.core.chat.JobChoice;
import com.seedancebot.core.chat.ParseResult;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.ReplyTarget;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.chat.VideoOptions;
import com.seedancebot.core.delivery.ChatDeliveryException;
import com.seedancebot.core.delivery.ChatPorts;
import com.seedancebot.core.governance.AdminCommands;
import com.seedancebot.core.governance.Admission;
import com.seedancebot.core.governance.Gatekeeper;
import com.seedancebot.core.governance.PromptModeration;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.job.JobService;
import com.seedancebot.core.request.MediaInput;
import com.seedancebot.core.request.ModelSpec;
import com.seedancebot.core.request.ValidationProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's {@link BotInbox}: parses chat text with the shared grammar, runs each command and
 * answers through the platform's chat port. Every bad input gets a friendly message listing all
 * problems under a heading that names what could not be done ("I can't change the settings:"); an
 * unknown command gets "I don't know /foo — try /help" (in private chats only). Nothing is spent
 * before a request is known to be valid. Every command and button first passes the {@link
 * Gatekeeper} (blocked users are told once, then ignored; paused chats queue nothing) and a prompt
 * with a banned word is refused ({@link PromptModeration}) before anything is spent; {@code /admin}
 * is run by {@link AdminCommands}; {@code /show} by {@link ShowCommand}, {@code /history} by {@link
 * HistoryCommand}. While free disk space is low, new jobs (commands, Reroll, Continue, Final, Edit,
 * Extend) are refused before anything is downloaded. {@code /video} replying to one of the bot's
 * videos, or answering its Edit / Extend question, edits or extends that video ({@link
 * ClipFollowUps}). Thread-safe; calls block on attachment downloads and the database.
 */
public final class CommandHandler implements BotInbox {

  private static final Logger log = LoggerFactory.getLogger(CommandHandler.class);

  private final CommandParser parser;
  private final ChatPorts ports;
  private final Replies replies;
  private final JobService jobs;
  private final AttachmentIntake intake;
  private final ModelChooser models;
  private final InfoCommands info;
  private final FollowUps followUps;
  private final ClipFollowUps clips;
  private final StoryCommand story;
  private final Gatekeeper gate;
  private final AdminCommands admin;
  private final PromptModeration moderation;
  private final FreeSpaceGuard space;
  private final ShowCommand show;
  private final HistoryCommand history;

  public CommandHandler(
      CommandParser parser,
      ChatPorts ports,
      Replies replies,
      JobService jobs,
      AttachmentIntake intake,
      ModelChooser models,
      InfoCommands info,
      FollowUps followUps,
      ClipFollowUps clips,
      StoryCommand story,
      Gatekeeper gate,
      AdminCommands admin,
      PromptModeration moderation,
      FreeSpaceGuard space,
      ShowCommand show,
      HistoryCommand history) {
    this.parser = parser;
    this.ports = ports;
    this.replies = replies;
    this.jobs = jobs;
    this.intake = intake;
    this.models = models;
    this.info = info;
    this.followUps = followUps;
    this.clips = clips;
    this.story = story;
    this.gate = gate;
    this.admin = admin;
    this.moderation = moderation;
    this.space = space;
    this.show = show;
    this.history = history;
  }

  @Override
  public void onMessage(
      UserRef user,
      ChatRef chat,
      String messageId,
      String text,
      List<IncomingAttachment> files,
      ReplyTarget replyTo) {
    ParseResult parsed = parser.parse(text);
    if (parsed instanceof ParseResult.Parsed p) {
      onCommand(new ChatRequest(user, chat, messageId, p.command(), files, replyTo));
    } else if (parsed instanceof ParseResult.NotACommand && answersQuestion(chat, text, replyTo)) {
      ChatCommand instruction = new ChatCommand.Video(text, VideoOptions.none());
      onCommand(new ChatRequest(user, chat, messageId, instruction, files, replyTo));
    } else if (parsed instanceof ParseResult.Malformed m && admitted(user, chat, messageId)) {
      // In groups, other bots' commands reach us too: only answer unknown commands in private.
      if (CommandParser.isUnknownCommand(parsed)) {
        if (isPrivate(user, chat)) {
          reply(user, chat, messageId, replies.unknownCommand(user.locale(), m.problems().get(0)));
        }
        return;
      }
      Replies.Heading heading = Replies.Heading.forCommand(m.command());
      reply(user, chat, messageId, replies.problems(user.locale(), heading, m.problems()));
    }
  }

  @Override
  public void onCommand(ChatRequest request) {
    try {
      if (!admitted(request.user(), request.chat(), request.messageId())) {
        return;
      }
      String answer = answer(request);
      if (answer != null) {
        reply(request.user(), request.chat(), request.messageId(), answer);
      }
    } catch (RuntimeException e) {
      log.error("Command from {} failed", request.user().key(), e);
      reply(
          request.user(),
          request.chat(),
          request.messageId(),
          replies.internalError(request.user().locale()));
    }
  }

  @Override
  public void onButton(
      UserRef user, ChatRef chat, String messageId, ButtonAction action, String jobId) {
    try {
      if (!admitted(user, chat, messageId)) {
        return;
      }
      Optional<String> paused =
          action == ButtonAction.CANCEL
                  || action == ButtonAction.SHOW
                  || action == ButtonAction.PAGE
              ? Optional.empty()
              : gate.queueRefusal(user, chat);
      String answer =
          paused.isPresent()
              ? paused.get()
              : switch (action) {
                case CANCEL -> info.cancel(user, chat, jobId);
                case REROLL ->
                    space.low()
                        ? storageFull(user)
                        : followUps.reroll(user, chat, messageId, jobId);
                case CONTINUE ->
                    space.low()
                        ? storageFull(user)
                        : followUps.continueFrom(user, chat, messageId, jobId);
                case FINAL ->
                    space.low()
                        ? storageFull(user)
                        : followUps.finalFrom(user, chat, messageId, jobId);
                case SHOW -> show.run(user, chat, messageId, jobId);
                case PAGE -> history.run(user, chat, messageId, HistoryCommand.fromButton(jobId));
                case EDIT, EXTEND ->
                    space.low()
                        ? storageFull(user)
                        : clips.ask(user, chat, messageId, jobId, action == ButtonAction.EXTEND);
              };
      if (answer != null) {
        reply(user, chat, messageId, answer);
      }
    } catch (RuntimeException e) {
      log.error("Button {} on job {} failed", action, jobId, e);
      reply(user, chat, messageId, replies.internalError(user.locale()));
    }
  }

  @Override
  public List<JobChoice> recentJobs(UserRef user, ChatRef chat, String typed) {
    return show.choices(user, chat, typed);
  }

  /** Runs a command; returns the text to reply with, or null when the reply was already sent. */
  private String answer(ChatRequest r) {
    ChatCommand c = r.command();
    if (c instanceof ChatCommand.Video v) {
      return video(r, v);
    } else if (c instanceof ChatCommand.Story s) {
      Refusal refused = newJobRefusal(r, String.join("\n", s.scenes()));
      return refused != null ? refused.answer() : story.run(r, s);
    } else if (c instanceof ChatCommand.Jobs) {
      return info.jobs(r.user());
    } else if (c instanceof ChatCommand.Show s) {
      return show.run(r.user(), r.chat(), r.messageId(), s.jobId());
    } else if (c instanceof ChatCommand.History h) {
      return history.run(r.user(), r.chat(), r.messageId(), h);
    } else if (c instanceof ChatCommand.Cancel cancel) {
      return info.cancel(r.user(), r.chat(), cancel.jobId());
    } else if (c instanceof ChatCommand.Quota) {
      return info.quota(r.user(), r.chat());
    } else if (c instanceof ChatCommand.Models) {
      return info.models(r.user());
    } else if (c instanceof ChatCommand.Settings s) {
      return info.settings(r.user(), r.chat(), s.defaults());
    } else if (c instanceof ChatCommand.Admin a && a.action().equals("jobs")) {
      AdminCommands.JobList list = admin.jobList(r.user(), r.chat());
      reply(r.user(), r.chat(), r.messageId(), list.text(), list.jobIds());
      return null;
    } else if (c instanceof ChatCommand.Admin a) {
      return admin.run(r.user(), r.chat(), a, r.repliedTo());
    } else {
      return info.help(r.user(), r.chat());
    }
  }

  /** The answer (null: none) given instead of making a new job. */
  private record Refusal(String answer) {}

  /**
   * Why a command that makes a job must not (paused chat, banned word, low disk), or the earlier
   * job's status when the same message made one already; null when it may go on.
   */
  private Refusal newJobRefusal(ChatRequest r, String prompt) {
    Optional<Job> earlier = jobs.madeFrom(r.chat(), r.messageId());
    if (earlier.isPresent()) {
      return new Refusal(followUps.announceAgain(earlier.get()));
    }
    Optional<String> refusal =
        gate.queueRefusal(r.user(), r.chat())
            .or(() -> moderation.refusal(r.user(), r.chat(), prompt));
    if (refusal.isPresent()) {
      return new Refusal(refusal.get());
    }
    // refused before any attachment is downloaded
    return space.low() ? new Refusal(storageFull(r.user())) : null;
  }

  private String video(ChatRequest r, ChatCommand.Video v) {
    Refusal refused = newJobRefusal(r, v.prompt());
    if (refused != null) {
      return refused.answer();
    }
    var botVideo = clips.source(r.chat(), r.replyTo(), v.extend());
    if (botVideo.isPresent()) {
      return clips.fromBotVideo(r, v, botVideo.get());
    }
    VideoOptions o = v.options();
    List<ValidationProblem> problems = new ArrayList<>();
    Optional<ModelSpec> model = models.choose(r.chat(), o.model());
    if (model.isEmpty()) {
      problems.add(clips.unknownModel(o));
    }
    AttachmentIntake.Result files = intake.take(r.attachments());
    problems.addAll(files.problems());
    if (!problems.isEmpty()) {
      return replies.problems(r.user().locale(), problems);
    }
    List<MediaInput> media = MediaRoles.assign(files.stored(), o.assetIds(), o.ref());
    return clips.submit(r, model.get(), v.prompt(), o, media, v.extend());
  }

  /** Whether a plain text answers the bot's question for an edit or extension instruction. */
  private boolean answersQuestion(ChatRef chat, String text, ReplyTarget replyTo) {
    return text != null
        && !text.isBlank()
        && replyTo != null
        && replyTo.jobId() == null
        && clips.source(chat, replyTo, false).isPresent();
  }

  /** Whether the gate lets the user in; when it refuses, its one-time notice is sent. */
  private boolean admitted(UserRef user, ChatRef chat, String messageId) {
    Admission admission = gate.admit(user, chat);
    if (admission instanceof Admission.Refused refused) {
      reply(user, chat, messageId, refused.text());
    }
    return admission instanceof Admission.Admitted;
  }

  private String storageFull(UserRef user) {
    log.warn("Free space is below BOT_MIN_FREE_DISK: a new job from {} was refused", user.key());
    return replies.text(user.locale(), "reply.storage_full");
  }

  private static boolean isPrivate(UserRef user, ChatRef chat) {
    return chat.platform() == Platform.PLAYGROUND || chat.chatId().equals(user.userId());
  }

  private void reply(UserRef user, ChatRef chat, String replyTo, String text) {
    reply(user, chat, replyTo, text, List.of());
  }

  /** Replies with a Cancel button for each of {@code jobIds}. */
  private void reply(UserRef user, ChatRef chat, String replyTo, String text, List<String> jobIds) {
    var port = ports.forPlatform(chat.platform());
    if (port.isEmpty()) {
      log.warn("No chat surface for {}; reply dropped", chat.platform());
      return;
    }
    try {
      if (jobIds.isEmpty()) {
        port.get().sendText(chat, replyTo, text);
      } else {
        port.get().sendText(chat, replyTo, text, jobIds, user.locale());
      }
    } catch (ChatDeliveryException e) {
      log.warn("Reply to {} on {} failed: {}", user.key(), chat.platform(), e.getMessage());
    }
  }
}
