package com.seedancebot.core.chat;

/** The buttons the bot puts under its messages. */
public enum ButtonAction {
  /** On a status message: cancel the job. */
  CANCEL,
  /** On a finished video: the same request again with a new seed. */
  REROLL,
  /** On a finished video: its last frame becomes the first frame of a new job. */
  CONTINUE,
  /** On a finished draft preview: render the full version from the draft. */
  FINAL,
  /** On a {@code /history} list: show this job's card ({@code /show}). */
  SHOW,
  /**
   * On a {@code /history} list: another page; the button's target is {@code <page>} or {@code
   * <page> <words>}.
   */
  PAGE,
  /** On a finished video: asks for an instruction that changes the video (an edit job). */
  EDIT,
  /** On a finished video: asks how the video goes on (an extension job). */
  EXTEND
}
