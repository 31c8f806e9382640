package com.seedancebot.core.delivery;

import com.seedancebot.core.chat.Platform;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The chat surfaces this bot runs, by platform. A job asked on a platform that is not running now
 * (e.g. Telegram switched off after a restart) simply waits: its outcome is delivered when the
 * surface comes back. Immutable and thread-safe.
 */
public final class ChatPorts {

  private final Map<Platform, ChatPort> ports = new EnumMap<>(Platform.class);

  public ChatPorts(List<ChatPort> ports) {
    for (ChatPort port : ports) {
      if (this.ports.put(port.platform(), port) != null) {
        throw new IllegalArgumentException("two chat ports for " + port.platform());
      }
    }
  }

  public Optional<ChatPort> forPlatform(Platform platform) {
    return Optional.ofNullable(ports.get(platform));
  }
}
