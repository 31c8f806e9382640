package com.seedancebot.app.blackbox;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Several packaged bots run side by side as an operator runs replicas: each in its own work
 * directory ({@code work/bot-<i>}), configured by an {@link Instance} (the shared database, store
 * and key, and each one's own {@code BOT_INSTANCE_ID}), started at once and each healthy before
 * {@link #start} returns. Instances keep their ports across {@link #kill}/{@link #restart}. Driven
 * by one test thread; closing it kills every instance.
 */
final class BotCluster implements AutoCloseable {

  private final List<PackagedBot> bots;

  private BotCluster(List<PackagedBot> bots) {
    this.bots = bots;
  }

  /** Starts {@code size} instances side by side; fails (and stops the others) if one fails. */
  static BotCluster start(Path work, int size, Instance instance) throws Exception {
    List<CompletableFuture<PackagedBot>> starting = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      PackagedBot.Builder builder =
          instance.configure(
              i, PackagedBot.builder(Files.createDirectories(work.resolve("bot-" + i))));
      starting.add(CompletableFuture.supplyAsync(() -> startOrFail(builder)));
    }
    List<PackagedBot> started = new ArrayList<>();
    Throwable failure = null;
    for (CompletableFuture<PackagedBot> f : starting) {
      try {
        started.add(f.join());
      } catch (CompletionException e) {
        failure = failure == null ? e.getCause() : failure;
      }
    }
    BotCluster cluster = new BotCluster(started);
    if (failure != null) {
      cluster.close();
      throw new AssertionError("an instance did not start", failure);
    }
    return cluster;
  }

  private static PackagedBot startOrFail(PackagedBot.Builder builder) {
    try {
      return builder.start();
    } catch (Exception e) {
      throw new CompletionException(e);
    }
  }

  PackagedBot get(int i) {
    return bots.get(i);
  }

  int size() {
    return bots.size();
  }

  /** The instances' own addresses, in order. */
  List<URI> urls() {
    return bots.stream().map(PackagedBot::baseUrl).toList();
  }

  /** Kills instance {@code i} abruptly ({@code kill -9}). */
  void kill(int i) throws InterruptedException {
    bots.get(i).kill();
  }

  /** Starts instance {@code i} again on its settings and data, and waits until it is healthy. */
  void restart(int i) throws Exception {
    bots.get(i).restart();
  }

  /** Every instance's log, for failure messages. */
  String tails() {
    StringBuilder all = new StringBuilder();
    for (int i = 0; i < bots.size(); i++) {
      all.append("\n---- instance ").append(i).append('\n').append(bots.get(i).tail());
    }
    return all.toString();
  }

  @Override
  public void close() {
    bots.forEach(PackagedBot::close);
  }

  /** The settings of instance {@code index}, added to a builder working in its own directory. */
  @FunctionalInterface
  interface Instance {
    PackagedBot.Builder configure(int index, PackagedBot.Builder builder);
  }
}
