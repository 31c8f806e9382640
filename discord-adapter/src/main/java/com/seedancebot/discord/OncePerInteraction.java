package com.seedancebot.discord;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.List;
import net.dv8tion.jda.api.events.GenericEvent;
import net.dv8tion.jda.api.events.interaction.GenericInteractionCreateEvent;
import net.dv8tion.jda.api.hooks.EventListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every gateway event to its listeners, but an interaction only the first time its id
 * arrives: the gateway may deliver an event again (a resumed session replays what the client may
 * have missed), and answering twice would run a command twice or fail on Discord's "already
 * acknowledged". Remembers the last {@value #REMEMBERED} interaction ids of this instance, on all
 * of its shards; a replay comes seconds after the original, far within that. Thread-safe.
 */
final class OncePerInteraction implements EventListener {

  private static final Logger log = LoggerFactory.getLogger(OncePerInteraction.class);

  /** How many recent interaction ids are remembered. */
  static final int REMEMBERED = 20_000;

  private final List<EventListener> listeners;
  private final Cache<String, Boolean> seen = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

  OncePerInteraction(List<? extends EventListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  @Override
  public void onEvent(GenericEvent event) {
    if (event instanceof GenericInteractionCreateEvent interaction
        && seen.asMap().putIfAbsent(interaction.getId(), Boolean.TRUE) != null) {
      log.info("Discord interaction {} arrived again; it was handled already", interaction.getId());
      return;
    }
    for (EventListener listener : listeners) {
      try {
        listener.onEvent(event);
      } catch (RuntimeException e) {
        log.error("A Discord listener failed on {}", event.getClass().getSimpleName(), e);
      }
    }
  }
}
