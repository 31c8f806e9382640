package com.seedancebot.discord;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.delivery.ChatButton;
import com.seedancebot.core.delivery.ChatDeliveryException;
import com.seedancebot.core.delivery.ChatPort;
import com.seedancebot.core.delivery.JobStatus;
import com.seedancebot.core.delivery.VideoDelivery;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The core's way out to Discord. Answers to a live interaction (see {@link InteractionRegistry}) go
 * through its webhook: the first status fills the deferred response, texts stay private to the user
 * (ephemeral). Once the token has expired, or if the webhook fails, the same answer goes into the
 * channel (thread) as a normal bot message, and later edits follow that message. Videos are always
 * channel messages, never webhook ones, so they work after 15 minutes and after a restart.
 *
 * <p>One status message per job, never edited to what it already shows ({@link StatusMessages}).
 * With the bot's shards split over instances, this port {@linkplain #reaches reaches} only the
 * chats of its own shards: the core leaves the others' statuses and videos to their instance, which
 * also holds their interactions.
 *
 * <p>Blocking: every method waits for Discord (at most the configured request timeout) and must not
 * run on a JDA thread. Failures become {@link ChatDeliveryException}s (see {@link
 * DiscordFailures}); when a video cannot be posted for lack of permissions, the requester is also
 * told privately while the interaction is live.
 */
public final class DiscordChatPort implements ChatPort {

  private static final Logger log = LoggerFactory.getLogger(DiscordChatPort.class);

  private final Function<String, JDA> shards;
  private final InteractionRegistry<InteractionHook> registry;
  private final DiscordRenderer renderer;
  private final Messages messages;
  private final DiscordSettings settings;
  private final StatusMessages statuses = new StatusMessages();

  /**
   * @param shards the running shard that serves a guild id (DMs: {@code null}), e.g. {@link
   *     DiscordBotRunner#shardFor}; throws {@link IllegalStateException} when there is none here
   */
  public DiscordChatPort(
      Function<String, JDA> shards,
      InteractionRegistry<InteractionHook> registry,
      Messages messages,
      DiscordSettings settings) {
    this.shards = shards;
    this.registry = registry;
    this.renderer = new DiscordRenderer(messages);
    this.messages = messages;
    this.settings = settings;
  }

  @Override
  public Platform platform() {
    return Platform.DISCORD;
  }

  @Override
  public String sendText(ChatRef chat, String replyToMessageId, String text) {
    return sendData(chat, replyToMessageId, renderer.text(text));
  }

  @Override
  public String sendText(
      ChatRef chat, String replyToMessageId, String text, List<ChatButton> buttons) {
    return sendData(chat, replyToMessageId, renderer.text(text, buttons));
  }

  @Override
  public String sendText(
      ChatRef chat, String replyToMessageId, String text, List<String> jobIds, Locale locale) {
    return sendData(chat, replyToMessageId, renderer.textWithCancels(text, jobIds, locale));
  }

  /** Answers the interaction {@code replyToMessageId} when it is live, else posts in the chat. */
  private String sendData(ChatRef chat, String replyToMessageId, MessageCreateData data) {
    Optional<InteractionRegistry.Ticket<InteractionHook>> ticket = live(replyToMessageId);
    if (ticket.isPresent()) {
      try {
        return privately(ticket.get(), data);
      } catch (ChatDeliveryException e) {
        log.warn("Interaction webhook failed, answering in the channel: {}", e.getMessage());
      }
    }
    return send(chat, null, data, "send a text");
  }

  /** Only chats in guilds of this instance's shards (DMs: shard 0); others are another's. */
  @Override
  public boolean reaches(ChatRef chat) {
    return settings.shards().serves(chat.serverId());
  }

  @Override
  public String showStatus(JobStatus status) {
    Locale locale =
        status.locale() != null
            ? status.locale()
            : localeFor(status.requestMessageId(), status.chat());
    MessageCreateData data = renderer.status(status, locale);
    String content = data.toData().toString();
    synchronized (statuses.lockFor(status.jobId())) {
      String target = statuses.target(status.jobId(), status.statusMessageId());
      if (statuses.shows(status.jobId(), target, content)) {
        return target; // the message says exactly this already
      }
      String shown = target == null ? showFirst(status, data) : showAgain(status, target, data);
      statuses.record(status.jobId(), shown, content);
      return shown;
    }
  }

  /** The job's first status: the interaction's deferred response when live, else the channel. */
  private String showFirst(JobStatus status, MessageCreateData data) {
    Optional<InteractionRegistry.Ticket<InteractionHook>> ticket = live(status.requestMessageId());
    if (ticket.isPresent()) {
      Optional<String> id = publicly(ticket.get(), data);
      if (id.isPresent()) {
        return id.get();
      }
    }
    return send(status.chat(), status.ownerUserId(), data, "send a status");
  }

  /** Edits the status message; one that can no longer be edited is replaced by a new one. */
  private String showAgain(JobStatus status, String statusId, MessageCreateData data) {
    Optional<InteractionRegistry.Ticket<InteractionHook>> sender = registry.forMessage(statusId);
    if (sender.isPresent()) {
      if (registry.isLive(sender.get()) && editedViaWebhook(sender.get(), statusId, data)) {
        return statusId;
      }
      // The webhook message can no longer be edited: the status continues in a channel message.
      return send(status.chat(), status.ownerUserId(), data, "move a status to the channel");
    }
    try {
      MessageChannel channel = channel(status.chat(), status.ownerUserId());
      MessageEditData edit = MessageEditData.fromCreateData(data);
      await("edit a status", () -> channel.editMessageById(statusId, edit));
      return statusId;
    } catch (ChatDeliveryException e) {
      if (!DiscordFailures.messageNotEditable(e)) {
        throw e;
      }
      return send(status.chat(), status.ownerUserId(), data, "replace a status");
    }
  }

  @Override
  public void deliverVideo(VideoDelivery video) {
    MessageChannel channel = channel(video.chat(), video.ownerUserId());
    Locale locale =
        video.locale() != null ? video.locale() : localeFor(video.requestMessageId(), video.chat());
    long limit =
        channel instanceof GuildChannel guildChannel
            ? guildChannel.getGuild().getMaxFileSize()
            : settings.dmUploadLimitBytes();
    if (video.sizeBytes() > limit && video.videoLink() == null) {
      throw new ChatDeliveryException(
          "the video is larger than the channel's upload limit and has no link", false, null, null);
    }
    try {
      await(
          "post the video",
          () ->
              channel.sendMessage(
                  video.sizeBytes() <= limit
                      ? renderer.upload(video, locale)
                      : renderer.link(video, locale, limit)));
    } catch (ChatDeliveryException e) {
      DiscordFailures.missingPermission(e)
          .ifPresent(p -> tellPrivately(video.requestMessageId(), "discord.delivery.blocked", p));
      throw e;
    }
  }

  /** A text only the interaction's user sees; a pending public "thinking" reply is removed. */
  private String privately(
      InteractionRegistry.Ticket<InteractionHook> ticket, MessageCreateData data) {
    InteractionHook hook = ticket.handle();
    if (ticket.claimOriginal()) {
      if (ticket.ephemeral()) {
        return original(ticket, () -> hook.editOriginal(MessageEditData.fromCreateData(data)));
      }
      try {
        await("remove the placeholder", hook::deleteOriginal);
        ticket.originalIs(InteractionRegistry.Ticket.DELETED);
      } catch (ChatDeliveryException e) {
        ticket.releaseOriginal();
        throw e;
      }
    }
    Message sent = await("answer privately", () -> hook.sendMessage(data).setEphemeral(true));
    registry.bindMessage(sent.getId(), ticket);
    return sent.getId();
  }

  /** A message everyone in the channel sees, through the webhook; empty if the webhook failed. */
  private Optional<String> publicly(
      InteractionRegistry.Ticket<InteractionHook> ticket, MessageCreateData data) {
    InteractionHook hook = ticket.handle();
    try {
      if (ticket.claimOriginal()) {
        return Optional.of(
            original(ticket, () -> hook.editOriginal(MessageEditData.fromCreateData(data))));
      }
      Message sent = await("follow up", () -> hook.sendMessage(data).setEphemeral(false));
      registry.bindMessage(sent.getId(), ticket);
      return Optional.of(sent.getId());
    } catch (ChatDeliveryException e) {
      log.warn("Interaction webhook failed, posting in the channel: {}", e.getMessage());
      return Optional.empty();
    }
  }

  private String original(
      InteractionRegistry.Ticket<InteractionHook> ticket, Supplier<RestAction<Message>> edit) {
    try {
      Message message = await("fill the interaction response", edit);
      ticket.originalIs(message.getId());
      registry.bindMessage(message.getId(), ticket);
      return message.getId();
    } catch (ChatDeliveryException e) {
      ticket.releaseOriginal();
      throw e;
    }
  }

  private boolean editedViaWebhook(
      InteractionRegistry.Ticket<InteractionHook> ticket,
      String messageId,
      MessageCreateData data) {
    InteractionHook hook = ticket.handle();
    MessageEditData edit = MessageEditData.fromCreateData(data);
    try {
      await(
          "edit a status",
          () ->
              messageId.equals(ticket.originalMessageId())
                  ? hook.editOriginal(edit)
                  : hook.editMessageById(messageId, edit));
      return true;
    } catch (ChatDeliveryException e) {
      log.warn("Interaction webhook edit failed, posting in the channel: {}", e.getMessage());
      return false;
    }
  }

  private String send(ChatRef chat, String ownerUserId, MessageCreateData data, String what) {
    MessageChannel channel = channel(chat, ownerUserId);
    return await(what, () -> channel.sendMessage(data)).getId();
  }

  private void tellPrivately(String requestId, String key, Object... args) {
    live(requestId)
        .ifPresent(
            t ->
                t.handle()
                    .sendMessage(messages.get(t.locale(), key, args))
                    .setEphemeral(true)
                    .queue(
                        null,
                        e ->
                            log.warn(
                                "Could not tell the requester: {}", DiscordFailures.describe(e))));
  }

  private Optional<InteractionRegistry.Ticket<InteractionHook>> live(String requestId) {
    return registry.forRequest(requestId).filter(registry::isLive);
  }

  /** The user's language while the interaction is known, else the server's, else English. */
  private Locale localeFor(String requestId, ChatRef chat) {
    Optional<InteractionRegistry.Ticket<InteractionHook>> ticket = registry.forRequest(requestId);
    if (ticket.isPresent()) {
      return ticket.get().locale();
    }
    Guild guild = chat.serverId() == null ? null : shardOf(chat).getGuildById(chat.serverId());
    return guild == null ? Locale.ENGLISH : Messages.languageOf(guild.getLocale().getLocale());
  }

  private MessageChannel channel(ChatRef chat, String ownerUserId) {
    String id = chat.threadId() != null ? chat.threadId() : chat.chatId();
    JDA jda = shardOf(chat);
    MessageChannel channel = jda.getChannelById(MessageChannel.class, id);
    if (channel != null) {
      return channel;
    }
    if (chat.serverId() == null && ownerUserId != null) {
      return await("open the DM", () -> jda.openPrivateChannelById(ownerUserId));
    }
    throw new ChatDeliveryException(
        "Discord channel " + id + " is unknown to the bot (deleted, or the bot left the server)",
        false,
        null,
        null);
  }

  /** The shard serving the chat; retryable when it is not running here (it will, or another). */
  private JDA shardOf(ChatRef chat) {
    try {
      return shards.apply(chat.serverId());
    } catch (IllegalStateException e) {
      throw new ChatDeliveryException(e.getMessage(), true, null, e);
    }
  }

  private <T> T await(String what, Supplier<? extends RestAction<T>> action) {
    Duration timeout = settings.requestTimeout();
    Future<T> future = null;
    try {
      future = action.get().submit();
      return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw DiscordFailures.translate(what, e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      throw DiscordFailures.translate(what, e);
    } catch (InterruptedException e) {
      throw DiscordFailures.translate(what, e);
    } catch (RuntimeException e) {
      throw DiscordFailures.translate(what, e);
    }
  }
}
