package com.seedancebot.app.config;

import com.seedancebot.core.governance.BannedWords;
import com.seedancebot.core.governance.GovernanceRules;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code bot.governance} settings: operators (admins in every chat), written {@code
 * platform:id} ({@code BOT_OPERATOR_IDS=telegram:123,discord:456}); banned words that refuse a
 * prompt before any provider call ({@code BOT_BANNED_WORDS=word,*part*}, see {@link BannedWords}).
 */
@ConfigurationProperties("bot.governance")
public record GovernanceProperties(List<String> operatorIds, List<String> bannedWords) {
  public GovernanceProperties {
    operatorIds = operatorIds == null ? List.of() : List.copyOf(operatorIds);
    bannedWords = bannedWords == null ? List.of() : List.copyOf(bannedWords);
  }

  public GovernanceRules toRules() {
    return new GovernanceRules(Set.copyOf(operatorIds), BannedWords.of(bannedWords));
  }
}
