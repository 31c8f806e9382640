package com.seedancebot.discord;

import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ChatCommand;
import com.seedancebot.core.chat.ChatRequest;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.ReplyTarget;
import com.seedancebot.core.chat.VideoOptions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.CommandAutoCompleteInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.MessageContextInteractionEvent;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import net.dv8tion.jda.api.interactions.commands.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives every interaction on JDA's event thread and never blocks it: it reads the interaction
 * (in memory), answers refusals at once, acknowledges the rest with a deferred reply (ephemeral
 * when only the user should see the answer) and hands the request to the core on the injected
 * executor. Autocomplete of models is answered directly from the model catalogue; of {@code
 * /show}'s job, from the core on the executor.
 *
 * <p>Who may press what: any user may press a button; the adapter passes the presser with {@code
 * admin} = Manage Server, and the core decides whether the presser owns the job or may act on it.
 */
public final class SlashCommandListener extends ListenerAdapter {

  private static final Logger log = LoggerFactory.getLogger(SlashCommandListener.class);

  private final BotInbox inbox;
  private final DiscordCommandReader reader;
  private final InteractionRegistry<InteractionHook> registry;
  private final ModelChoices models;
  private final Messages messages;
  private final ClipModals modals;
  private final Executor executor;

  public SlashCommandListener(
      BotInbox inbox,
      DiscordCommandReader reader,
      InteractionRegistry<InteractionHook> registry,
      ModelChoices models,
      Messages messages,
      Executor executor) {
    this.inbox = inbox;
    this.reader = reader;
    this.registry = registry;
    this.models = models;
    this.messages = messages;
    this.modals = new ClipModals(messages);
    this.executor = executor;
  }

  @Override
  public void onSlashCommandInteraction(SlashCommandInteractionEvent event) {
    handle(event, reader.read(event));
  }

  @Override
  public void onMessageContextInteraction(MessageContextInteractionEvent event) {
    if (DiscordCommands.ANIMATE.equals(event.getName())) {
      handle(event, reader.read(event));
    } else if (DiscordCommands.EXTEND.equals(event.getName())) {
      handle(event, reader.readExtension(event));
    }
  }

  /** The Edit / Extend form, submitted: an edit or extension of the bot's video of its job. */
  @Override
  public void onModalInteraction(ModalInteractionEvent event) {
    ClipModals.read(event)
        .ifPresent(
            form ->
                handle(
                    event,
                    new ReadResult.Accepted(
                        new ChatRequest(
                            reader.user(event),
                            reader.chat(event),
                            event.getId(),
                            new ChatCommand.Video(
                                form.instruction(), VideoOptions.none(), form.extend()),
                            List.of(),
                            ReplyTarget.video(form.jobId())))));
  }

  @Override
  public void onCommandAutoCompleteInteraction(CommandAutoCompleteInteractionEvent event) {
    if (DiscordCommands.SHOW.equals(event.getName())
        && DiscordCommands.JOB.equals(event.getFocusedOption().getName())) {
      jobChoices(event);
      return;
    }
    if (!DiscordCommands.MODEL.equals(event.getFocusedOption().getName())) {
      event.replyChoices().queue(null, fail("autocomplete"));
      return;
    }
    event
        .replyChoices(
            models.matching(event.getFocusedOption().getValue()).stream()
                .map(c -> new Command.Choice(c.name(), c.value()))
                .toList())
        .queue(null, fail("autocomplete"));
  }

  /** The caller's recent jobs in this channel: a database query, so off the event thread. */
  private void jobChoices(CommandAutoCompleteInteractionEvent event) {
    String typed = event.getFocusedOption().getValue();
    try {
      executor.execute(
          () ->
              event
                  .replyChoices(
                      inbox.recentJobs(reader.user(event), reader.chat(event), typed).stream()
                          .map(c -> new Command.Choice(c.label(), c.jobId()))
                          .toList())
                  .queue(null, fail("autocomplete")));
    } catch (RejectedExecutionException e) {
      event.replyChoices().queue(null, fail("autocomplete"));
    }
  }

  @Override
  public void onButtonInteraction(ButtonInteractionEvent event) {
    Optional<ButtonIds.Press> press = ButtonIds.parse(event.getComponentId());
    if (press.isEmpty()) {
      return; // not one of ours
    }
    ButtonAction action = press.get().action();
    String jobId = press.get().jobId();
    if (action == ButtonAction.EDIT || action == ButtonAction.EXTEND) {
      // The instruction is asked in a form; its submission makes the job.
      event
          .replyModal(modals.ask(action, jobId, DiscordCommandReader.locale(event)))
          .queue(null, fail("form"));
      return;
    }
    Runnable work =
        () -> inbox.onButton(reader.user(event), reader.chat(event), event.getId(), action, jobId);
    if (action == ButtonAction.CANCEL) {
      // Acknowledge without a new message: the status message the button sits on gets edited.
      event.deferEdit().queue(null, fail("acknowledge"));
      registry
          .register(event.getId(), event.getHook(), DiscordCommandReader.locale(event), true)
          .originalIs(event.getMessageId());
      dispatch(event, work);
      return;
    }
    Optional<Rejection> blocked = ChannelPermissions.checkDelivery(event);
    if (blocked.isPresent()) {
      refuse(event, blocked.get());
      return;
    }
    acknowledge(event, false);
    dispatch(event, work);
  }

  private void handle(IReplyCallback event, ReadResult result) {
    if (result instanceof ReadResult.Rejected rejected) {
      refuse(event, rejected.rejection());
      return;
    }
    ChatRequest request = ((ReadResult.Accepted) result).request();
    boolean privateAnswer = DiscordCommandReader.isPrivate(request.command());
    if (!privateAnswer) {
      Optional<Rejection> blocked = ChannelPermissions.checkDelivery(event);
      if (blocked.isPresent()) {
        refuse(event, blocked.get());
        return;
      }
    }
    acknowledge(event, privateAnswer);
    dispatch(event, () -> inbox.onCommand(request));
  }

  private void acknowledge(IReplyCallback event, boolean ephemeral) {
    event.deferReply(ephemeral).queue(null, fail("acknowledge"));
    registry.register(
        event.getId(), event.getHook(), DiscordCommandReader.locale(event), ephemeral);
  }

  private void dispatch(IReplyCallback event, Runnable work) {
    try {
      executor.execute(
          () -> {
            try {
              work.run();
            } catch (RuntimeException e) {
              log.error("The core failed on Discord interaction {}", event.getId(), e);
            }
          });
    } catch (RejectedExecutionException e) {
      log.warn("Discord interaction {} refused: the bot is overloaded", event.getId());
      Locale locale = DiscordCommandReader.locale(event);
      event
          .getHook()
          .sendMessage(messages.get(locale, "discord.busy"))
          .setEphemeral(true)
          .queue(null, fail("busy reply"));
    }
  }

  private void refuse(IReplyCallback event, Rejection rejection) {
    String text = rejection.render(messages, DiscordCommandReader.locale(event));
    event.reply(text).setEphemeral(true).queue(null, fail("refusal"));
  }

  private static java.util.function.Consumer<Throwable> fail(String what) {
    return e -> log.warn("Discord {} failed: {}", what, DiscordFailures.describe(e));
  }
}
