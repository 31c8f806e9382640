package com.seedancebot.core.governance;

import com.seedancebot.core.chat.UserRef;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The operator's governance settings: who are operators (admins everywhere), which words refuse a
 * prompt, who may use the bot where, and when content refusals make a user wait.
 *
 * @param operators user keys written {@code platform:id}, e.g. {@code telegram:123}, in any case
 * @param bannedWords words that refuse a prompt
 * @param access who may use the bot where
 * @param refusals when content refusals make a user wait
 */
public record GovernanceRules(
    Set<String> operators, BannedWords bannedWords, AccessRules access, RefusalLimits refusals) {
  public GovernanceRules {
    operators = operators == null ? Set.of() : normalise(operators);
    bannedWords = bannedWords == null ? BannedWords.none() : bannedWords;
    access = access == null ? AccessRules.open() : access;
    refusals = refusals == null ? RefusalLimits.off() : refusals;
  }

  /** Rules without a content-refusal cooldown. */
  public GovernanceRules(Set<String> operators, BannedWords bannedWords, AccessRules access) {
    this(operators, bannedWords, access, RefusalLimits.off());
  }

  /** No operators, no banned words, everyone allowed everywhere. */
  public static GovernanceRules none() {
    return new GovernanceRules(Set.of(), BannedWords.none(), AccessRules.open());
  }

  /** Whether {@code user} is one of the configured operators. */
  public boolean isOperator(UserRef user) {
    return operators.contains(user.key());
  }

  /** Whether {@code user} may use admin commands in the chat they are in. */
  public boolean mayAdminister(UserRef user) {
    return user.admin() || isOperator(user);
  }

  /**
   * {@code telegram:123} → {@code TELEGRAM:123}, the form of {@link UserRef#key()}; blanks are
   * dropped.
   */
  static Set<String> normalise(Collection<String> keys) {
    return keys.stream()
        .map(String::strip)
        .filter(k -> !k.isEmpty())
        .map(UserRef::keyOf)
        .collect(Collectors.toUnmodifiableSet());
  }
}
