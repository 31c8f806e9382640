package com.seedancebot.app.config;

import com.seedancebot.core.governance.AccessRules;
import com.seedancebot.core.governance.BannedWords;
import com.seedancebot.core.governance.GovernanceRules;
import com.seedancebot.core.governance.RefusalLimits;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code bot.governance} settings: operators (admins in every chat, {@code
 * BOT_OPERATOR_IDS=telegram:123,discord:456}); banned words that refuse a prompt before any
 * provider call ({@code BOT_BANNED_WORDS=word,*part*}, see {@link BannedWords}); and who may use
 * the bot where ({@code BOT_ALLOW_USERS}, {@code BOT_DENY_USERS}, {@code BOT_ALLOW_CHATS}, {@code
 * BOT_DENY_CHATS}, {@code BOT_ALLOW_SERVERS}, {@code BOT_DENY_SERVERS}, all {@code platform:id}
 * lists, and {@code BOT_DIRECT_MESSAGES}, see {@link AccessRules}); and how many content refusals
 * in a day ({@code BOT_CONTENT_REFUSALS_PER_DAY}) make a user wait {@code
 * BOT_CONTENT_REFUSAL_COOLDOWN} after each further one (see {@link RefusalLimits}).
 */
@ConfigurationProperties("bot.governance")
public record GovernanceProperties(
    List<String> operatorIds,
    List<String> bannedWords,
    List<String> allowUsers,
    List<String> denyUsers,
    List<String> allowChats,
    List<String> denyChats,
    List<String> allowServers,
    List<String> denyServers,
    Boolean directMessages,
    Integer contentRefusalsPerDay,
    Duration contentRefusalCooldown) {

  public GovernanceRules toRules() {
    return new GovernanceRules(
        set(operatorIds),
        BannedWords.of(bannedWords == null ? List.of() : bannedWords),
        new AccessRules(
            set(allowUsers),
            set(denyUsers),
            set(allowChats),
            set(denyChats),
            set(allowServers),
            set(denyServers),
            directMessages == null || directMessages),
        new RefusalLimits(
            contentRefusalsPerDay == null ? 0 : contentRefusalsPerDay,
            contentRefusalCooldown == null ? Duration.ZERO : contentRefusalCooldown));
  }

  private static Set<String> set(List<String> list) {
    return list == null ? Set.of() : Set.copyOf(list);
  }
}
