package com.seedancebot.core.governance;

import com.seedancebot.core.chat.Messages;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * Renders {@code /admin log [page]}: a scope's audit trail, newest first, {@link #PAGE_SIZE}
 * entries a page, with a hint to the next page. A page past the end shows the last one.
 */
final class AuditPages {

  static final int PAGE_SIZE = 10;
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private final AuditLog audit;
  private final Messages messages;

  AuditPages(AuditLog audit, Messages messages) {
    this.audit = audit;
    this.messages = messages;
  }

  String render(Locale l, String scopeKey, List<String> args) {
    long total = audit.count(scopeKey);
    if (total == 0) {
      return messages.get(l, "admin.log.empty");
    }
    int pages = (int) ((total + PAGE_SIZE - 1) / PAGE_SIZE);
    int page = Math.min(requestedPage(args), pages);
    StringBuilder text = new StringBuilder(messages.get(l, "admin.log.header", page, pages, total));
    for (AuditEntry e : audit.page(scopeKey, (page - 1) * PAGE_SIZE, PAGE_SIZE)) {
      text.append('\n')
          .append(
              messages.get(
                  l,
                  "admin.log.line",
                  WHEN.format(e.at()),
                  e.actorName(),
                  e.actorKey(),
                  messages.get(l, "admin.log.action." + e.action().name().toLowerCase(Locale.ROOT)),
                  e.target()));
    }
    if (page < pages) {
      text.append('\n').append(messages.get(l, "admin.log.more", Integer.toString(page + 1)));
    }
    return text.toString();
  }

  private static int requestedPage(List<String> args) {
    if (args.isEmpty()) {
      return 1;
    }
    try {
      return Math.max(1, Integer.parseInt(args.get(0).strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
