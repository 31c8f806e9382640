package com.seedancebot.core.provider.simulator;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** Collects submitted work; the test decides when it runs (on the test thread). */
final class ManualExecutor implements Executor {

  private final Queue<Runnable> pending = new ArrayDeque<>();

  @Override
  public void execute(Runnable work) {
    pending.add(work);
  }

  int pending() {
    return pending.size();
  }

  /** Runs everything submitted so far (and anything that submits meanwhile). */
  void runAll() {
    for (Runnable work = pending.poll(); work != null; work = pending.poll()) {
      work.run();
    }
  }

  /** Forgets the submitted work, as a killed process would. */
  void drop() {
    pending.clear();
  }
}
