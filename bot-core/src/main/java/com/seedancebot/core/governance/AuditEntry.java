package com.seedancebot.core.governance;

import java.time.Instant;
import java.util.Objects;

/**
 * One admin action as the audit trail keeps it: who did what to whom (or to which chat), when.
 *
 * @param actorKey the admin's user key, e.g. {@code TELEGRAM:12345}
 * @param actorName how the admin was shown when acting
 * @param action what was done
 * @param target the user key or chat key acted on
 * @param at when
 */
public record AuditEntry(
    String actorKey, String actorName, AdminAction action, String target, Instant at) {
  public AuditEntry {
    Objects.requireNonNull(actorKey, "actorKey");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(at, "at");
    actorName = actorName == null ? actorKey : actorName;
  }
}
