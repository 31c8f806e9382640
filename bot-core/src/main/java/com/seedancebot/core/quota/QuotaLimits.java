package com.seedancebot.core.quota;

import java.util.Objects;

/**
 * The budgets that apply to one request, one per {@link QuotaScope}, all enforced together. The
 * user's budget depends on who asks (their tier or an admin's override), the others on where.
 */
public record QuotaLimits(
    QuotaBudget user, QuotaBudget chat, QuotaBudget server, QuotaBudget global) {
  public QuotaLimits {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(server, "server");
    Objects.requireNonNull(global, "global");
  }

  /** No limit anywhere. */
  public static QuotaLimits unlimited() {
    QuotaBudget none = QuotaBudget.unlimited();
    return new QuotaLimits(none, none, none, none);
  }

  public QuotaBudget of(QuotaScope scope) {
    return switch (scope) {
      case USER -> user;
      case CHAT -> chat;
      case SERVER -> server;
      case GLOBAL -> global;
    };
  }

  public QuotaLimits withUser(QuotaBudget budget) {
    return new QuotaLimits(budget, chat, server, global);
  }

  public QuotaLimits withServer(QuotaBudget budget) {
    return new QuotaLimits(user, chat, budget, global);
  }
}
