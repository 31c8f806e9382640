package com.seedancebot.core.bot;

import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.delivery.ChatButton;
import com.seedancebot.core.job.Job;
import com.seedancebot.core.request.CostEstimator;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.story.StoryPlan;
import com.seedancebot.core.story.Storyboards;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The card of a storyboard ({@code /show <storyboard>}): its scenes, each with its job, text and
 * state, the estimated total of the whole storyboard and what was billed, and a Show button for
 * every scene made, so that the single scenes stay reachable from the joined video. Stateless;
 * thread-safe.
 */
final class StoryCard {

  /** The card's text and its buttons. */
  record Card(String text, List<ChatButton> buttons) {}

  private final Replies replies;
  private final ModelCatalog catalog;
  private final CostEstimator costs;

  StoryCard(Replies replies, ModelCatalog catalog, CostEstimator costs) {
    this.replies = replies;
    this.catalog = catalog;
    this.costs = costs;
  }

  Card render(Storyboards.Story story, Locale l) {
    List<String> lines = new ArrayList<>();
    lines.add(
        replies.text(
            l,
            "card.story.title",
            story.id(),
            story.made().stream().filter(j -> j.result() != null).count(),
            story.prompts().size()));
    List<ChatButton> buttons = new ArrayList<>();
    for (int i = 0; i < story.prompts().size(); i++) {
      Job scene = i < story.made().size() ? story.made().get(i) : null;
      String state =
          scene == null
              ? replies.text(l, "card.story.not_made")
              : replies.text(l, "state." + scene.state().name().toLowerCase(Locale.ROOT));
      lines.add(
          replies.text(
              l,
              "card.story.scene",
              i + 1,
              scene == null ? "—" : scene.id(),
              story.prompts().get(i),
              state));
      if (scene != null && scene.result() != null) {
        buttons.add(
            new ChatButton(
                ButtonAction.SHOW, scene.id(), replies.text(l, "card.story.show", i + 1)));
      }
    }
    lines.add(replies.text(l, "card.story.total", total(story, l), billed(story)));
    lines.add(replies.text(l, "card.owner", story.first().owner().displayName(), platform(story)));
    return new Card(String.join("\n", lines), buttons);
  }

  /** The estimate of every scene planned, as reserved when the storyboard was accepted. */
  private String total(Storyboards.Story story, Locale l) {
    var model = catalog.all().stream().filter(m -> m.id().equals(modelId(story))).findFirst();
    if (model.isEmpty()) {
      return "—";
    }
    var total =
        StoryPlan.total(
            StoryPlan.scenes(story.first().request(), story.prompts()), model.get(), costs);
    String money =
        total.money().map(m -> replies.text(l, "job.cost", m.shown(), m.currency())).orElse("");
    return replies.text(l, "story.total", total.seconds(), total.tokens(), money);
  }

  private static long billed(Storyboards.Story story) {
    return story.made().stream()
        .filter(j -> j.result() != null && j.result().usageTokens() != null)
        .mapToLong(j -> j.result().usageTokens())
        .sum();
  }

  private static String modelId(Storyboards.Story story) {
    return story.first().request().modelId();
  }

  private static String platform(Storyboards.Story story) {
    return story.first().owner().platform().name().toLowerCase(Locale.ROOT);
  }
}
