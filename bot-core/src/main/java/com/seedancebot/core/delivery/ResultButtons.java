package com.seedancebot.core.delivery;

import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.job.Job;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that decides which buttons sit under a finished video, on every surface: Reroll
 * always; Continue when the video has a stored last frame; Final when the video is a draft preview
 * the provider can render in full. Surfaces only label and lay them out. Stateless.
 */
public final class ResultButtons {

  private ResultButtons() {}

  /** The buttons under {@code job}'s video; {@code hasLastFrame} = its last frame is stored. */
  public static List<ButtonAction> of(Job job, boolean hasLastFrame) {
    List<ButtonAction> buttons = new ArrayList<>(plain(hasLastFrame));
    if (job.request().draft() && job.providerTaskId() != null) {
      buttons.add(ButtonAction.FINAL);
    }
    return List.copyOf(buttons);
  }

  /** Reroll, and Continue when a last frame exists. */
  public static List<ButtonAction> plain(boolean canContinue) {
    return canContinue
        ? List.of(ButtonAction.REROLL, ButtonAction.CONTINUE)
        : List.of(ButtonAction.REROLL);
  }
}
