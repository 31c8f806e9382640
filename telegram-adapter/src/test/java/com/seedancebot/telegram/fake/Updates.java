package com.seedancebot.telegram.fake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds updates in the Bot API's JSON format (non-zero dates, as Telegram sends them). */
public final class Updates {
  private final ObjectMapper json;
  private final AtomicInteger messageIds;

  Updates(ObjectMapper json, AtomicInteger messageIds) {
    this.json = json;
    this.messageIds = messageIds;
  }

  /** A message from {@code userId} in {@code chatId} (negative = supergroup). */
  public Msg message(long chatId, long userId, String languageCode) {
    return new Msg(chatId, userId, languageCode);
  }

  /** A press of an inline button under the bot's message {@code messageId}. */
  public ObjectNode buttonPress(
      long chatId, long userId, String lang, int messageId, Integer threadId, String data) {
    ObjectNode update = json.createObjectNode();
    ObjectNode cq = update.putObject("callback_query");
    cq.put("id", "cbq-" + messageIds.incrementAndGet());
    cq.set("from", user(userId, lang));
    cq.put("chat_instance", "-42").put("data", data);
    Msg bot = new Msg(chatId, FakeTelegramBotApi.BOT_ID, null).id(messageId).text("status");
    if (threadId != null) {
      bot.topic(threadId);
    }
    bot.node.with("from").put("is_bot", true);
    cq.set("message", bot.node);
    return update;
  }

  private ObjectNode user(long userId, String lang) {
    ObjectNode u = json.createObjectNode();
    u.put("id", userId)
        .put("is_bot", false)
        .put("first_name", "Ada")
        .put("username", "ada" + userId);
    if (lang != null) {
      u.put("language_code", lang);
    }
    return u;
  }

  /** A message under construction. */
  public final class Msg {
    final ObjectNode node = json.createObjectNode();

    Msg(long chatId, long userId, String lang) {
      node.put("message_id", messageIds.incrementAndGet());
      node.put("date", FakeTelegramBotApi.now());
      ObjectNode chat = node.putObject("chat");
      chat.put("id", chatId);
      if (chatId < 0) {
        chat.put("type", "supergroup").put("title", "Video makers");
      } else {
        chat.put("type", "private").put("first_name", "Ada");
      }
      node.set("from", user(userId, lang));
    }

    public int messageId() {
      return node.get("message_id").asInt();
    }

    public Msg id(int messageId) {
      node.put("message_id", messageId);
      return this;
    }

    public Msg text(String text) {
      node.put("text", text);
      return this;
    }

    public Msg caption(String caption) {
      node.put("caption", caption);
      return this;
    }

    /** Marks the message as posted in forum topic {@code threadId}. */
    public Msg topic(int threadId) {
      node.put("message_thread_id", threadId).put("is_topic_message", true);
      node.with("chat").put("is_forum", true);
      return this;
    }

    public Msg album(String mediaGroupId) {
      node.put("media_group_id", mediaGroupId);
      return this;
    }

    /** A photo in three sizes; the largest has the given file id and size. */
    public Msg photo(String largestFileId, long largestSize) {
      ArrayNode sizes = node.putArray("photo");
      sizes.add(photoSize("small-" + largestFileId, 90, 51, 1200));
      sizes.add(photoSize(largestFileId, 1280, 720, largestSize));
      sizes.add(photoSize("medium-" + largestFileId, 320, 180, 15000));
      return this;
    }

    public Msg document(String fileId, String name, String mime, long size) {
      ObjectNode d = node.putObject("document");
      d.put("file_id", fileId).put("file_unique_id", "u" + fileId).put("file_name", name);
      d.put("mime_type", mime).put("file_size", size);
      return this;
    }

    public Msg video(String fileId, long size) {
      ObjectNode v = node.putObject("video");
      v.put("file_id", fileId).put("file_unique_id", "u" + fileId).put("width", 640);
      v.put("height", 360).put("duration", 4).put("mime_type", "video/mp4");
      v.put("file_size", size);
      return this;
    }

    /** A video message as a phone sends it, with the size and length Telegram measured. */
    public Msg video(String fileId, long size, int width, int height, int duration) {
      video(fileId, size);
      node.with("video").put("width", width).put("height", height).put("duration", duration);
      return this;
    }

    public Msg voice(String fileId, long size) {
      ObjectNode v = node.putObject("voice");
      v.put("file_id", fileId).put("file_unique_id", "u" + fileId).put("duration", 3);
      v.put("mime_type", "audio/ogg").put("file_size", size);
      return this;
    }

    public Msg replyTo(Msg original) {
      node.set("reply_to_message", original.node.deepCopy());
      return this;
    }

    /** A reply to a message the bot sent ({@link FakeTelegramBotApi#sentMessages}). */
    public Msg replyTo(ObjectNode botMessage) {
      node.set("reply_to_message", botMessage.deepCopy());
      return this;
    }

    /** The message as an update (update_id is assigned when enqueued). */
    public ObjectNode update() {
      ObjectNode update = json.createObjectNode();
      update.set("message", node.deepCopy());
      return update;
    }

    private ObjectNode photoSize(String id, int w, int h, long size) {
      ObjectNode p = json.createObjectNode();
      p.put("file_id", id).put("file_unique_id", "u" + id).put("width", w).put("height", h);
      p.put("file_size", size);
      return p;
    }
  }
}
