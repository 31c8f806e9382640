package com.seedancebot.core.pipeline;

import com.seedancebot.core.asset.FreeSpaceGuard;
import com.seedancebot.core.asset.MediaInspector;
import com.seedancebot.core.bot.AttachmentIntake;
import com.seedancebot.core.bot.ChatSettingsStore;
import com.seedancebot.core.bot.ClipFollowUps;
import com.seedancebot.core.bot.CommandHandler;
import com.seedancebot.core.bot.FollowUps;
import com.seedancebot.core.bot.HistoryCommand;
import com.seedancebot.core.bot.InfoCommands;
import com.seedancebot.core.bot.InstructionPrompts;
import com.seedancebot.core.bot.ModelChooser;
import com.seedancebot.core.bot.Replies;
import com.seedancebot.core.bot.ShowCommand;
import com.seedancebot.core.bot.StoryCommand;
import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.core.chat.CommandParser;
import com.seedancebot.core.chat.HelpText;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.ModelListFormatter;
import com.seedancebot.core.delivery.JobCardText;
import com.seedancebot.core.governance.AdminCommands;
import com.seedancebot.core.governance.AuditLog;
import com.seedancebot.core.governance.BlockList;
import com.seedancebot.core.governance.Gatekeeper;
import com.seedancebot.core.governance.Governance;
import com.seedancebot.core.governance.JobStatistics;
import com.seedancebot.core.governance.KnownUsers;
import com.seedancebot.core.governance.NoticeLedger;
import com.seedancebot.core.governance.PausedChats;
import com.seedancebot.core.governance.PromptModeration;
import com.seedancebot.core.governance.UserTargets;
import com.seedancebot.core.job.JobService;
import com.seedancebot.core.quota.QuotaOverrides;
import com.seedancebot.core.quota.QuotaPlanner;
import com.seedancebot.core.quota.QuotaTextFormatter;
import com.seedancebot.core.request.CostEstimator;
import com.seedancebot.core.request.RequestValidator;
import com.seedancebot.core.story.StoryboardStore;
import com.seedancebot.core.story.Storyboards;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The whole bot core put together in one place: the {@link Pipeline}, the {@link JobService} that
 * accepts jobs into it, and the {@link BotInbox} every chat surface talks to. Built from a
 * configured {@link Pipeline.Builder} (which already holds the ports) and the few settings of the
 * command layer; used by the Spring wiring and every end-to-end test harness.
 *
 * @param pipeline the job pipeline (not yet started)
 * @param jobs accepts, lists and cancels jobs
 * @param inbox the commands, buttons and messages of every chat surface
 */
public record BotAssembly(Pipeline pipeline, JobService jobs, BotInbox inbox) {

  /**
   * The command layer's settings.
   *
   * @param messages the texts in every language
   * @param chatSettings per-chat defaults
   * @param inspector what attachments are
   * @param maxAttachmentBytes attachments larger than this are refused before download
   * @param costs prices for estimates (may know no prices)
   * @param defaultModel the operator's default model id or alias, or null for the catalogue's
   * @param botUsername the bot's username for {@code /cmd@bot} addressing, or null
   * @param rerollSeeds where Reroll's new seeds come from
   * @param space refuses new jobs while free disk space is low
   */
  public record Commands(
      Messages messages,
      ChatSettingsStore chatSettings,
      MediaInspector inspector,
      long maxAttachmentBytes,
      CostEstimator costs,
      String defaultModel,
      String botUsername,
      RandomGenerator rerollSeeds,
      FreeSpaceGuard space) {
    public Commands {
      Objects.requireNonNull(messages, "messages");
      Objects.requireNonNull(chatSettings, "chatSettings");
      Objects.requireNonNull(inspector, "inspector");
      Objects.requireNonNull(costs, "costs");
      Objects.requireNonNull(rerollSeeds, "rerollSeeds");
      Objects.requireNonNull(space, "space");
    }

    /** Settings that never refuse jobs for disk space. */
    public Commands(
        Messages messages,
        ChatSettingsStore chatSettings,
        MediaInspector inspector,
        long maxAttachmentBytes,
        CostEstimator costs,
        String defaultModel,
        String botUsername,
        RandomGenerator rerollSeeds) {
      this(
          messages,
          chatSettings,
          inspector,
          maxAttachmentBytes,
          costs,
          defaultModel,
          botUsername,
          rerollSeeds,
          FreeSpaceGuard.unlimited());
    }
  }

  /**
   * Builds the pipeline from {@code pipeline} and the command layer over it, governed by {@code
   * governance}.
   */
  public static BotAssembly build(Pipeline.Builder pipeline, Commands c, Governance governance) {
    QuotaPlanner budgets =
        new QuotaPlanner(
            pipeline.quota().defaults(),
            governance.tiers(),
            new QuotaOverrides(governance.dataSource()));
    Storyboards stories =
        new Storyboards(
            new StoryboardStore(governance.dataSource()),
            pipeline.jobs(),
            new RequestValidator(),
            c.costs(),
            pipeline.quota(),
            budgets,
            pipeline.assets(),
            pipeline.clock());
    Pipeline built = pipeline.costs(c.costs()).storyboards(stories).build();
    JobService jobs =
        new JobService(
            pipeline.jobs(),
            new RequestValidator(),
            c.costs(),
            pipeline.quota(),
            budgets,
            pipeline.router(),
            built.outcomes(),
            pipeline.clock());
    Replies replies = new Replies(c.messages());
    ModelChooser models =
        new ModelChooser(pipeline.catalog(), pipeline.router(), c.chatSettings(), c.defaultModel());
    QuotaTextFormatter quotaTexts = new QuotaTextFormatter(c.messages(), c.costs().currency());
    InfoCommands info =
        new InfoCommands(
            jobs,
            pipeline.texts(),
            pipeline.quota(),
            budgets,
            quotaTexts,
            models,
            new ModelListFormatter(c.messages()),
            new HelpText(c.messages()),
            c.chatSettings(),
            replies,
            stories,
            pipeline.clock());
    FollowUps followUps =
        new FollowUps(
            jobs,
            built.status(),
            replies,
            quotaTexts,
            models,
            pipeline.assets(),
            pipeline.clock(),
            c.rerollSeeds(),
            stories);
    Gatekeeper gate = gatekeeper(governance, c, pipeline);
    ClipFollowUps clips =
        new ClipFollowUps(
            jobs,
            models,
            followUps,
            replies,
            pipeline.assets(),
            new InstructionPrompts(governance.dataSource()),
            pipeline.ports(),
            pipeline.clock());
    AttachmentIntake intake =
        new AttachmentIntake(
            pipeline.assets(), c.inspector(), c.maxAttachmentBytes(), pipeline.telemetry());
    BotInbox inbox =
        new CommandHandler(
            new CommandParser(c.botUsername()),
            pipeline.ports(),
            replies,
            jobs,
            intake,
            models,
            info,
            followUps,
            clips,
            new StoryCommand(models, intake, stories, clips, followUps, replies),
            gate,
            adminCommands(governance, c, pipeline),
            new PromptModeration(
                governance.rules().bannedWords(), budgets::bypassesModeration, c.messages()),
            c.space(),
            new ShowCommand(
                jobs,
                new JobCardText(c.messages(), pipeline.catalog(), c.costs()),
                built.delivery().deliveries(),
                pipeline.assets(),
                pipeline.ports(),
                gate,
                replies,
                stories,
                new ShowCommand.StoryCardTexts(pipeline.catalog(), c.costs())),
            new HistoryCommand(
                jobs, pipeline.texts(), pipeline.ports(), gate, replies, pipeline.clock()));
    return new BotAssembly(built, jobs, inbox);
  }

  private static Gatekeeper gatekeeper(Governance g, Commands c, Pipeline.Builder pipeline) {
    return new Gatekeeper(
        g.rules(),
        new BlockList(g.dataSource()),
        new PausedChats(g.dataSource()),
        new NoticeLedger(g.dataSource()),
        new KnownUsers(g.dataSource()),
        g.dataSource(),
        c.messages(),
        pipeline.clock());
  }

  private static AdminCommands adminCommands(Governance g, Commands c, Pipeline.Builder pipeline) {
    return new AdminCommands(
        g.rules(),
        new BlockList(g.dataSource()),
        new PausedChats(g.dataSource()),
        new NoticeLedger(g.dataSource()),
        new AuditLog(g.dataSource()),
        new UserTargets(new KnownUsers(g.dataSource())),
        new JobStatistics(g.dataSource()),
        pipeline.jobs(),
        g.tiers(),
        new QuotaOverrides(g.dataSource()),
        c.messages(),
        pipeline.clock());
  }
}
