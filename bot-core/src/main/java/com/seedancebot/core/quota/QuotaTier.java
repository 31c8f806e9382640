package com.seedancebot.core.quota;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.UserRef;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A named quota tier from configuration: a user budget, whether prompts skip the banned-words
 * check, and whom it applies to. Immutable.
 *
 * @param name how admins name it ({@code /admin quota @bob design}), matched case-insensitively
 * @param budget the user's allowances in this tier
 * @param bypassModeration whether its users' prompts skip the banned-words check
 * @param users user keys {@code platform:id} it applies to
 * @param roles Discord role ids it applies to (a member with any of them)
 * @param admins whether it applies to the admins of a group chat or server (Telegram chat admins,
 *     Discord Manage Server)
 * @param members whether it applies to everyone
 */
public record QuotaTier(
    String name,
    QuotaBudget budget,
    boolean bypassModeration,
    Set<String> users,
    Set<String> roles,
    boolean admins,
    boolean members) {

  public QuotaTier {
    Objects.requireNonNull(name, "name");
    name = name.strip().toLowerCase(Locale.ROOT);
    Objects.requireNonNull(budget, "budget");
    users = users == null ? Set.of() : stripped(users).map(UserRef::keyOf).collect(toSet());
    roles = roles == null ? Set.of() : stripped(roles).collect(toSet());
  }

  /** Whether this tier applies to {@code user} asking in {@code chat}. */
  public boolean appliesTo(UserRef user, ChatRef chat) {
    if (members || users.contains(user.key())) {
      return true;
    }
    if (user.roles().stream().anyMatch(roles::contains)) {
      return true;
    }
    return admins && user.admin() && !isDirect(user, chat);
  }

  /** A private chat, where everyone is their own admin. */
  private static boolean isDirect(UserRef user, ChatRef chat) {
    return chat.chatId().equals(user.userId())
        || (chat.platform() == Platform.DISCORD && chat.serverId() == null);
  }

  private static Stream<String> stripped(Set<String> values) {
    return values.stream().map(String::strip).filter(v -> !v.isEmpty());
  }

  private static java.util.stream.Collector<String, ?, Set<String>> toSet() {
    return Collectors.toUnmodifiableSet();
  }
}
