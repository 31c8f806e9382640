package com.seedancebot.app.telegram;

import com.seedancebot.telegram.TelegramAdapter;
import com.seedancebot.telegram.TelegramWebhookHandler;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /telegram/webhook}: hands Telegram's update and its secret header to the adapter's
 * {@link TelegramWebhookHandler}; answers 401 for a missing or wrong secret, 503 until connected.
 */
@RestController
@Conditional(TelegramEnabledCondition.class)
public class TelegramWebhookController {
  static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

  private final TelegramAdapter adapter;

  public TelegramWebhookController(TelegramAdapter adapter) {
    this.adapter = adapter;
  }

  @PostMapping("/telegram/webhook")
  public ResponseEntity<String> receive(
      @RequestHeader(name = SECRET_HEADER, required = false) String secret,
      @RequestBody(required = false) String body) {
    TelegramWebhookHandler webhook = adapter.webhook();
    if (webhook == null) {
      return ResponseEntity.status(503).body("not connected");
    }
    TelegramWebhookHandler.Response response = webhook.handle(secret, body);
    return ResponseEntity.status(response.status()).body(response.body());
  }
}
