package com.seedancebot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.objects.Update;

/**
 * The webhook endpoint's logic, independent of the web framework: checks Telegram's {@code
 * X-Telegram-Bot-Api-Secret-Token} header against the configured secret in constant time, parses
 * the update and hands it to the {@link TelegramUpdateHandler} (which returns at once).
 * Thread-safe.
 */
public final class TelegramWebhookHandler {
  private static final Logger log = LoggerFactory.getLogger(TelegramWebhookHandler.class);

  /** The HTTP answer: status and a short body. */
  public record Response(int status, String body) {}

  private final byte[] secret;
  private final TelegramUpdateHandler handler;
  private final ObjectMapper json;

  /**
   * @param secret the configured webhook secret; null means webhooks are off and every call is
   *     answered 404
   */
  public TelegramWebhookHandler(String secret, TelegramUpdateHandler handler, ObjectMapper json) {
    this.secret =
        secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
    this.handler = Objects.requireNonNull(handler, "handler");
    this.json = Objects.requireNonNull(json, "json");
  }

  /** A handler with TelegramBots' usual JSON settings (unknown fields ignored). */
  public static TelegramWebhookHandler create(String secret, TelegramUpdateHandler handler) {
    ObjectMapper json =
        new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    return new TelegramWebhookHandler(secret, handler, json);
  }

  /** Handles one webhook POST: its secret header (may be null) and JSON body. */
  public Response handle(String secretHeader, String body) {
    if (secret == null) {
      return new Response(404, "webhook not enabled");
    }
    if (secretHeader == null
        || !MessageDigest.isEqual(secret, secretHeader.getBytes(StandardCharsets.UTF_8))) {
      return new Response(401, "unauthorized");
    }
    Update update;
    try {
      update = json.readValue(body == null ? "" : body, Update.class);
    } catch (JsonProcessingException e) {
      log.warn("Malformed Telegram webhook body: {}", e.getOriginalMessage());
      return new Response(400, "malformed update");
    }
    if (update == null) {
      return new Response(400, "malformed update");
    }
    handler.handle(update);
    return new Response(200, "ok");
  }
}
