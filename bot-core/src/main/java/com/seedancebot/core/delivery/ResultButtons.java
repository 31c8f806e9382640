package com.seedancebot.core.delivery;

import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.job.Job;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that decides which buttons sit under a finished video, on every surface: Reroll
 * always; Continue when the video has a stored last frame; Final when the video is a draft preview
 * the provider can render in full (never under a storyboard's joined video: there is no one draft
 * task to render); Edit and Extend always, last. Under a storyboard's video each acts on the
 * storyboard (Reroll makes it again, Continue goes on from its end, Edit and Extend take the joined
 * video). Surfaces only label and lay them out. Stateless.
 */
public final class ResultButtons {

  /** The buttons that make a new video from this one: Edit and Extend. */
  private static final List<ButtonAction> CHANGES = List.of(ButtonAction.EDIT, ButtonAction.EXTEND);

  private ResultButtons() {}

  /** The buttons under {@code job}'s video; {@code hasLastFrame} = its last frame is stored. */
  public static List<ButtonAction> of(Job job, boolean hasLastFrame) {
    List<ButtonAction> buttons = new ArrayList<>(plain(hasLastFrame));
    if (job.request().draft() && job.providerTaskId() != null && !job.storyVideo()) {
      buttons.add(buttons.size() - CHANGES.size(), ButtonAction.FINAL);
    }
    return List.copyOf(buttons);
  }

  /** Reroll, Continue when a last frame exists, then Edit and Extend. */
  public static List<ButtonAction> plain(boolean canContinue) {
    List<ButtonAction> buttons = new ArrayList<>(List.of(ButtonAction.REROLL));
    if (canContinue) {
      buttons.add(ButtonAction.CONTINUE);
    }
    buttons.addAll(CHANGES);
    return List.copyOf(buttons);
  }

  /** Whether {@code action} changes the video itself (laid out apart from the others). */
  public static boolean changesTheVideo(ButtonAction action) {
    return CHANGES.contains(action);
  }
}
