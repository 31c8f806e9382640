package com.seedancebot.core.governance;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.UserRef;
import java.util.Set;

/**
 * Who may use the bot where, from configuration. Every entry is {@code platform:id} (users, chats
 * and Discord servers; a Telegram group is its own server). A deny list always wins; a non-empty
 * allow list admits only what it names: a user must be on the user allow list, and a group chat
 * must be on the chat allow list or belong to a server on the server allow list (when either list
 * is set). Direct messages are governed by {@code directMessages} and the user lists only. The
 * local playground is never restricted. Immutable and thread-safe.
 *
 * @param allowUsers when not empty, the only users the bot answers
 * @param denyUsers users the bot never answers
 * @param allowChats when not empty (or with {@code allowServers}), the only group chats it works in
 * @param denyChats chats it never works in
 * @param allowServers servers (Discord guilds, Telegram groups) whose chats it works in
 * @param denyServers servers it never works in
 * @param directMessages whether it answers in private chats
 */
public record AccessRules(
    Set<String> allowUsers,
    Set<String> denyUsers,
    Set<String> allowChats,
    Set<String> denyChats,
    Set<String> allowServers,
    Set<String> denyServers,
    boolean directMessages) {

  public AccessRules {
    allowUsers = keys(allowUsers);
    denyUsers = keys(denyUsers);
    allowChats = keys(allowChats);
    denyChats = keys(denyChats);
    allowServers = keys(allowServers);
    denyServers = keys(denyServers);
  }

  /** Everyone everywhere, direct messages included. */
  public static AccessRules open() {
    return new AccessRules(Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), Set.of(), true);
  }

  /** Why {@code user} may not use the bot in {@code chat}, or {@link AccessVerdict#ALLOWED}. */
  public AccessVerdict decide(UserRef user, ChatRef chat) {
    if (chat.platform() == Platform.PLAYGROUND) {
      return AccessVerdict.ALLOWED;
    }
    if (denyUsers.contains(user.key())
        || (!allowUsers.isEmpty() && !allowUsers.contains(user.key()))) {
      return AccessVerdict.USER_NOT_ALLOWED;
    }
    if (isDirect(user, chat)) {
      return directMessages ? AccessVerdict.ALLOWED : AccessVerdict.DIRECT_MESSAGES_OFF;
    }
    String chatKey = chat.platform() + ":" + chat.chatId();
    String serverKey =
        chat.platform() + ":" + (chat.serverId() != null ? chat.serverId() : chat.chatId());
    if (denyChats.contains(chatKey) || denyServers.contains(serverKey)) {
      return AccessVerdict.CHAT_NOT_ALLOWED;
    }
    boolean listed = allowChats.contains(chatKey) || allowServers.contains(serverKey);
    boolean restricted = !allowChats.isEmpty() || !allowServers.isEmpty();
    return restricted && !listed ? AccessVerdict.CHAT_NOT_ALLOWED : AccessVerdict.ALLOWED;
  }

  /** A private chat: Telegram's has the user's id, Discord's belongs to no server. */
  private static boolean isDirect(UserRef user, ChatRef chat) {
    return chat.chatId().equals(user.userId())
        || (chat.platform() == Platform.DISCORD && chat.serverId() == null);
  }

  private static Set<String> keys(Set<String> configured) {
    return configured == null ? Set.of() : GovernanceRules.normalise(configured);
  }
}
