package com.seedancebot.core.provider.fake;

/** How a fake server's tasks move through queued → running → a final state. */
public enum Progression {
  /**
   * Every read of a task (get, list, status query) first moves it one step: the first poll sees it
   * running, the second sees it finished.
   */
  ON_POLL,
  /** Tasks move only when the test calls {@code advance} or {@code advanceAll}. */
  MANUAL
}
