package com.seedancebot.telegram;

import com.fasterxml.jackson.core.JsonProcessingException;
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
 * the update and stores it through the {@link UpdateIntake} before answering: 200 once it is stored
 * (or was stored before: a second delivery of an {@code update_id} is acknowledged and dropped),
 * 503 when it could not be stored, so that Telegram delivers it again. Thread-safe.
 */
public final class TelegramWebhookHandler {
  private static final Logger log = LoggerFactory.getLogger(TelegramWebhookHandler.class);

  /** The HTTP answer: status and a short body. */
  public record Response(int status, String body) {}

  private final byte[] secret;
  private final UpdateIntake intake;
  private final ObjectMapper json;

  /**
   * @param secret the configured webhook secret; null means webhooks are off and every call is
   *     answered 404
   */
  TelegramWebhookHandler(String secret, UpdateIntake intake, ObjectMapper json) {
    this.secret =
        secret == null || secret.isBlank() ? null : secret.getBytes(StandardCharsets.UTF_8);
    this.intake = Objects.requireNonNull(intake, "intake");
    this.json = Objects.requireNonNull(json, "json");
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
    if (update == null || update.getUpdateId() == null) {
      return new Response(400, "malformed update");
    }
    try {
      intake.receive(update, body);
    } catch (RuntimeException e) {
      log.error("Telegram update {} could not be stored: {}", update.getUpdateId(), e.toString());
      return new Response(503, "try again");
    }
    return new Response(200, "ok");
  }
}
