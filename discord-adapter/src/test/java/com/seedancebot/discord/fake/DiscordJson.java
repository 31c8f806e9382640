package com.seedancebot.discord.fake;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The Discord API v10 object shapes the fake serves (users, members, roles, channels, guilds). */
final class DiscordJson {

  static final JsonMapper JSON = JsonMapper.builder().build();

  // Permission bits (Discord API: permissions).
  static final long MANAGE_GUILD = 1L << 5;
  static final long VIEW_CHANNEL = 1L << 10;
  static final long SEND_MESSAGES = 1L << 11;
  static final long EMBED_LINKS = 1L << 14;
  static final long ATTACH_FILES = 1L << 15;
  static final long READ_MESSAGE_HISTORY = 1L << 16;
  static final long USE_APPLICATION_COMMANDS = 1L << 31;
  static final long SEND_MESSAGES_IN_THREADS = 1L << 38;
  static final long EVERYONE =
      VIEW_CHANNEL
          | SEND_MESSAGES
          | EMBED_LINKS
          | ATTACH_FILES
          | READ_MESSAGE_HISTORY
          | USE_APPLICATION_COMMANDS
          | SEND_MESSAGES_IN_THREADS;

  private DiscordJson() {}

  static ObjectNode object() {
    return JSON.createObjectNode();
  }

  static ArrayNode array() {
    return JSON.createArrayNode();
  }

  static JsonNode parse(String text) {
    return JSON.readTree(text);
  }

  static String timestamp() {
    return OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC).toString();
  }

  static ObjectNode user(String id, String name, boolean bot) {
    ObjectNode user = object();
    user.put("id", id);
    user.put("username", name);
    user.put("discriminator", "0");
    user.put("global_name", name);
    user.putNull("avatar");
    user.put("bot", bot);
    user.put("public_flags", 0);
    return user;
  }

  static ObjectNode member(ObjectNode user, String... roleIds) {
    ObjectNode member = object();
    member.set("user", user);
    ArrayNode roles = member.putArray("roles");
    for (String role : roleIds) {
      roles.add(role);
    }
    member.putNull("nick");
    member.putNull("avatar");
    member.put("joined_at", "2024-01-01T00:00:00.000000+00:00");
    member.put("deaf", false);
    member.put("mute", false);
    member.put("pending", false);
    member.put("flags", 0);
    return member;
  }

  static ObjectNode role(String id, String name, long permissions, int position) {
    ObjectNode role = object();
    role.put("id", id);
    role.put("name", name);
    role.put("color", 0);
    ObjectNode colors = role.putObject("colors");
    colors.put("primary_color", 0);
    colors.putNull("secondary_color");
    colors.putNull("tertiary_color");
    role.put("hoist", false);
    role.put("position", position);
    role.put("permissions", Long.toString(permissions));
    role.put("managed", false);
    role.put("mentionable", false);
    role.put("flags", 0);
    return role;
  }

  static ObjectNode textChannel(String id, String guildId, String name, int position) {
    ObjectNode channel = object();
    channel.put("id", id);
    channel.put("type", 0);
    channel.put("guild_id", guildId);
    channel.put("name", name);
    channel.put("position", position);
    channel.putArray("permission_overwrites");
    channel.put("nsfw", false);
    channel.putNull("topic");
    channel.putNull("last_message_id");
    channel.put("rate_limit_per_user", 0);
    channel.putNull("parent_id");
    return channel;
  }

  static ObjectNode denyForRole(ObjectNode channel, String roleId, long deny) {
    ObjectNode overwrite = ((ArrayNode) channel.get("permission_overwrites")).addObject();
    overwrite.put("id", roleId);
    overwrite.put("type", 0);
    overwrite.put("allow", "0");
    overwrite.put("deny", Long.toString(deny));
    return channel;
  }

  static ObjectNode thread(
      String id, String guildId, String parentId, String ownerId, String name) {
    ObjectNode thread = object();
    thread.put("id", id);
    thread.put("type", 11);
    thread.put("guild_id", guildId);
    thread.put("parent_id", parentId);
    thread.put("owner_id", ownerId);
    thread.put("name", name);
    thread.putNull("last_message_id");
    thread.put("message_count", 1);
    thread.put("member_count", 2);
    thread.put("rate_limit_per_user", 0);
    thread.put("flags", 0);
    thread.put("total_message_sent", 1);
    ObjectNode meta = thread.putObject("thread_metadata");
    meta.put("archived", false);
    meta.put("auto_archive_duration", 1440);
    meta.put("archive_timestamp", "2024-01-01T00:00:00.000000+00:00");
    meta.put("locked", false);
    meta.put("create_timestamp", "2024-01-01T00:00:00.000000+00:00");
    return thread;
  }

  static ObjectNode attachment(
      String id, String fileName, String contentType, long size, String url) {
    ObjectNode attachment = object();
    attachment.put("id", id);
    attachment.put("filename", fileName);
    attachment.put("size", size);
    attachment.put("url", url);
    attachment.put("proxy_url", url.replace("/attachments/", "/media-proxy/attachments/"));
    if (contentType != null) {
      attachment.put("content_type", contentType);
    }
    if (contentType != null && contentType.startsWith("image/")) {
      attachment.put("width", 640);
      attachment.put("height", 480);
    }
    attachment.put("ephemeral", true);
    return attachment;
  }
}
