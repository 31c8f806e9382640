package com.seedancebot.discord;

import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.delivery.ChatCallListener;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Tells a {@link ChatCallListener} about every REST exchange JDA has with Discord (an OkHttp
 * interceptor, so the 429s JDA's rate limiter waits out are counted too), named by its route with
 * ids and interaction tokens replaced: {@code POST /interactions/{id}/{token}/callback}.
 * Thread-safe.
 */
final class DiscordCallMeter implements Interceptor {

  private final ChatCallListener listener;

  DiscordCallMeter(ChatCallListener listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    String route = chain.request().method() + " " + route(chain.request().url().pathSegments());
    try {
      Response response = chain.proceed(chain.request());
      listener.called(Platform.DISCORD, route, ChatCallListener.Outcome.ofStatus(response.code()));
      return response;
    } catch (IOException e) {
      listener.called(Platform.DISCORD, route, ChatCallListener.Outcome.IO_ERROR);
      throw e;
    }
  }

  /**
   * The route of a REST path, after the {@code api/v10} prefix: numeric ids become {@code {id}},
   * the token after an interaction or webhook id becomes {@code {token}}.
   */
  static String route(List<String> segments) {
    int start = 0;
    for (int i = 0; i + 1 < segments.size(); i++) {
      if (segments.get(i).equals("api") && segments.get(i + 1).matches("v\\d+")) {
        start = i + 2;
        break;
      }
    }
    List<String> route = new ArrayList<>();
    for (int i = start; i < segments.size(); i++) {
      String segment = segments.get(i);
      if (segment.isEmpty()) {
        continue;
      }
      int n = route.size();
      boolean afterTokenOwner =
          n >= 2
              && route.get(n - 1).equals("{id}")
              && (route.get(n - 2).equals("interactions") || route.get(n - 2).equals("webhooks"));
      route.add(
          segment.chars().allMatch(Character::isDigit)
              ? "{id}"
              : afterTokenOwner ? "{token}" : segment);
    }
    return "/" + String.join("/", route);
  }
}
