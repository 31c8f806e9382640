package com.seedancebot.core.quota;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.UserRef;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The configured quota tiers. Where several apply to a user, the most generous wins, limit by
 * limit; a user no tier applies to has the configured user budget. Immutable and thread-safe.
 */
public record QuotaTiers(List<QuotaTier> tiers) {

  public QuotaTiers {
    tiers = tiers == null ? List.of() : List.copyOf(tiers);
  }

  /** No tiers. */
  public static QuotaTiers none() {
    return new QuotaTiers(List.of());
  }

  /** The tier called {@code name} (case-insensitively). */
  public Optional<QuotaTier> named(String name) {
    String wanted = name.strip().toLowerCase(Locale.ROOT);
    return tiers.stream().filter(t -> t.name().equals(wanted)).findFirst();
  }

  /** The tiers that apply to {@code user} in {@code chat}. */
  public List<QuotaTier> applicable(UserRef user, ChatRef chat) {
    return tiers.stream().filter(t -> t.appliesTo(user, chat)).toList();
  }

  /** The user's budget: the most generous of the applicable tiers', or empty when none applies. */
  public Optional<QuotaBudget> budgetOf(UserRef user, ChatRef chat) {
    return applicable(user, chat).stream().map(QuotaTier::budget).reduce(QuotaBudget::mostGenerous);
  }
}
