package com.seedancebot.telegram;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.groupadministration.GetChatMember;
import org.telegram.telegrambots.meta.api.objects.chatmember.ChatMember;

/**
 * Whether a user may manage a chat: always in a private chat; in groups when {@code getChatMember}
 * says creator or administrator. Answers are cached briefly (promotions show up within the TTL); a
 * failed lookup counts as "not an admin" and is not cached. Blocking; thread-safe.
 */
public final class ChatAdmins {
  private static final Logger log = LoggerFactory.getLogger(ChatAdmins.class);
  private static final Set<String> ADMIN_STATUSES = Set.of("creator", "administrator");

  private final TelegramApi api;
  private final Cache<String, Boolean> cache;

  public ChatAdmins(TelegramApi api, Duration ttl, Ticker ticker) {
    this.api = Objects.requireNonNull(api, "api");
    this.cache =
        Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(50_000).ticker(ticker).build();
  }

  /** Whether {@code userId} administers chat {@code chatId} of Telegram type {@code chatType}. */
  public boolean isAdmin(long chatId, String chatType, long userId) {
    if ("private".equals(chatType)) {
      return true;
    }
    String key = chatId + ":" + userId;
    Boolean known = cache.getIfPresent(key);
    if (known != null) {
      return known;
    }
    try {
      ChatMember member =
          api.call(
              "getChatMember", c -> c.execute(new GetChatMember(Long.toString(chatId), userId)));
      boolean admin = member != null && ADMIN_STATUSES.contains(member.getStatus());
      cache.put(key, admin);
      return admin;
    } catch (TelegramCallException e) {
      log.warn("Could not look up chat member status: {}", e.getMessage());
      return false;
    }
  }
}
