package com.seedancebot.discord;

import com.seedancebot.core.chat.ChatRequest;

/** What the reader made of an interaction: a request for the core, or a refusal for the user. */
public sealed interface ReadResult {

  /** A request to hand to the core. */
  record Accepted(ChatRequest request) implements ReadResult {}

  /** The adapter answers itself (ephemerally) and the core sees nothing. */
  record Rejected(Rejection rejection) implements ReadResult {}
}
