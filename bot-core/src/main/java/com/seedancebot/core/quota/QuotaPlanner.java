package com.seedancebot.core.quota;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.UserRef;
import java.util.Map;
import java.util.Objects;

/**
 * Decides which budgets apply to a request: the user's is their admin-set override in this chat's
 * scope, else the most generous of their tiers, else the configured user budget; the chat's and the
 * server's are the configured ones unless an admin overrode them; the bot's is configured. Also
 * says whether a user's tier lets their prompts skip the banned-words check. Thread-safe.
 */
public final class QuotaPlanner {

  private final QuotaLimits defaults;
  private final QuotaTiers tiers;
  private final QuotaOverrides overrides;

  public QuotaPlanner(QuotaLimits defaults, QuotaTiers tiers, QuotaOverrides overrides) {
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.tiers = Objects.requireNonNull(tiers, "tiers");
    this.overrides = Objects.requireNonNull(overrides, "overrides");
  }

  public QuotaTiers tiers() {
    return tiers;
  }

  /** The budgets for {@code user} asking in {@code chat}. */
  public QuotaLimits limitsFor(UserRef user, ChatRef chat) {
    Map<String, QuotaOverride> set = overrides.inScope(chat.quotaKey());
    QuotaBudget tierBudget = tiers.budgetOf(user, chat).orElse(defaults.user());
    return new QuotaLimits(
        apply(set.get(user.key()), tierBudget),
        apply(
            set.get(QuotaOverrides.chatSubject(QuotaKeys.of(user, chat).chat())), defaults.chat()),
        apply(set.get(QuotaOverrides.SERVER_SUBJECT), defaults.server()),
        defaults.global());
  }

  /** Whether a tier of the user (or the one an admin gave them here) skips moderation. */
  public boolean bypassesModeration(UserRef user, ChatRef chat) {
    QuotaOverride given = overrides.inScope(chat.quotaKey()).get(user.key());
    if (given != null && given.tier() != null) {
      return tiers.named(given.tier()).map(QuotaTier::bypassModeration).orElse(false);
    }
    return tiers.applicable(user, chat).stream().anyMatch(QuotaTier::bypassModeration);
  }

  private QuotaBudget apply(QuotaOverride override, QuotaBudget base) {
    return override == null ? base : override.applyTo(base, tiers);
  }
}
