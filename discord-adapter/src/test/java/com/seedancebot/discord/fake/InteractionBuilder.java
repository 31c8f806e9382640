package com.seedancebot.discord.fake;

import com.seedancebot.discord.fake.FakeDiscord.Actor;
import com.seedancebot.discord.fake.FakeDiscord.CdnFile;
import com.seedancebot.discord.fake.FakeDiscord.SentInteraction;
import java.util.UUID;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds one {@code INTERACTION_CREATE} payload as Discord sends it (API v10): who (member with
 * roles and permissions, or a DM user), where (guild, channel object), the user's client locale,
 * and the command or component data with resolved attachments.
 */
public final class InteractionBuilder {

  private static final String COMMAND_ID = "1600000000000000001";

  private final FakeDiscord fake;
  private final int type;
  private final ObjectNode data;
  private Actor actor = FakeDiscord.OWNER;
  private String channelId = FakeDiscord.GENERAL_ID;
  private boolean dm;
  private String locale = "en-US";
  private ObjectNode message;

  InteractionBuilder(FakeDiscord fake, int type, ObjectNode data) {
    this.fake = fake;
    this.type = type;
    this.data = data;
  }

  /** {@code /name} with options added through the builder. */
  public static ObjectNode slashData(String name) {
    ObjectNode data = DiscordJson.object();
    data.put("id", COMMAND_ID);
    data.put("name", name);
    data.put("type", 1);
    data.putArray("options");
    return data;
  }

  private ArrayNode options;

  public InteractionBuilder by(Actor who) {
    this.actor = who;
    return this;
  }

  /** In a channel of the fake's guilds (the guild follows from the channel). */
  public InteractionBuilder in(String channel) {
    this.channelId = channel;
    return this;
  }

  public InteractionBuilder inDm() {
    this.dm = true;
    this.channelId = FakeDiscord.DM_ID;
    return this;
  }

  /** The user's Discord client language, e.g. {@code zh-CN}. */
  public InteractionBuilder locale(String tag) {
    this.locale = tag;
    return this;
  }

  public InteractionBuilder string(String name, String value) {
    option(name, 3).put("value", value);
    return this;
  }

  public InteractionBuilder integer(String name, long value) {
    option(name, 4).put("value", value);
    return this;
  }

  public InteractionBuilder bool(String name, boolean value) {
    option(name, 5).put("value", value);
    return this;
  }

  /** An attachment option, resolved the way Discord does ({@code data.resolved.attachments}). */
  public InteractionBuilder attachment(String name, CdnFile file) {
    option(name, 11).put("value", file.id());
    ObjectNode resolved =
        data.has("resolved") ? (ObjectNode) data.get("resolved") : data.putObject("resolved");
    ObjectNode attachments =
        resolved.has("attachments")
            ? (ObjectNode) resolved.get("attachments")
            : resolved.putObject("attachments");
    attachments.set(
        file.id(),
        DiscordJson.attachment(
            file.id(), file.fileName(), file.contentType(), file.size(), file.url()));
    return this;
  }

  /** For components: the message the component sits on. */
  public InteractionBuilder onMessage(ObjectNode messageJson) {
    this.message = messageJson;
    return this;
  }

  /** A subcommand ({@code /admin block}); the options added after it belong to it. */
  public InteractionBuilder subcommand(String name) {
    ObjectNode sub = option(name, 1);
    options = sub.putArray("options");
    return this;
  }

  /** A user option, resolved the way Discord does ({@code data.resolved.users}). */
  public InteractionBuilder user(String name, Actor who) {
    option(name, 6).put("value", who.id());
    ObjectNode resolved =
        data.has("resolved") ? (ObjectNode) data.get("resolved") : data.putObject("resolved");
    ObjectNode users =
        resolved.has("users") ? (ObjectNode) resolved.get("users") : resolved.putObject("users");
    users.set(who.id(), DiscordJson.user(who.id(), who.name(), false));
    return this;
  }

  private ObjectNode option(String name, int optionType) {
    ObjectNode option = (options != null ? options : (ArrayNode) data.get("options")).addObject();
    option.put("name", name);
    option.put("type", optionType);
    return option;
  }

  /** Sends the interaction through the gateway; its id is a fresh snowflake. */
  public SentInteraction send() {
    String id = Snowflakes.next();
    String token = "aW50ZXJhY3Rpb246" + UUID.randomUUID().toString().replace("-", "");
    ObjectNode payload = DiscordJson.object();
    payload.put("id", id);
    payload.put("application_id", FakeDiscord.BOT_ID);
    payload.put("type", type);
    payload.put("token", token);
    payload.put("version", 1);
    payload.set("data", data);
    payload.put("locale", locale);
    payload.putArray("entitlements");
    payload.put("attachment_size_limit", 10 << 20);
    ObjectNode user = DiscordJson.user(actor.id(), actor.name(), false);
    if (dm) {
      payload.put("channel_id", FakeDiscord.DM_ID);
      ObjectNode channel = payload.putObject("channel");
      channel.put("id", FakeDiscord.DM_ID);
      channel.put("type", 1);
      channel.putArray("recipients").add(user);
      payload.set("user", user);
      payload.put("context", 1);
      payload.putObject("authorizing_integration_owners").put("0", "0");
      payload.put("app_permissions", Long.toString(DiscordJson.EVERYONE));
    } else {
      String guildId = FakeDiscord.guildOfChannel(channelId);
      payload.put("guild_id", guildId);
      ObjectNode guild = payload.putObject("guild");
      guild.put("id", guildId);
      guild.put("locale", "en-US");
      guild.putArray("features");
      payload.put("guild_locale", "en-US");
      payload.put("channel_id", channelId);
      payload.set("channel", fake.channelJson(channelId));
      ObjectNode member =
          actor.admin()
              ? DiscordJson.member(user, FakeDiscord.ADMIN_ROLE_ID)
              : DiscordJson.member(user);
      long permissions = DiscordJson.EVERYONE | (actor.admin() ? DiscordJson.MANAGE_GUILD : 0);
      member.put("permissions", Long.toString(permissions));
      payload.set("member", member);
      payload.put("context", 0);
      payload.putObject("authorizing_integration_owners").put("0", guildId);
      payload.put("app_permissions", Long.toString(DiscordJson.EVERYONE));
    }
    if (message != null) {
      payload.set("message", message);
    }
    fake.send(payload);
    return new SentInteraction(id, token);
  }
}
