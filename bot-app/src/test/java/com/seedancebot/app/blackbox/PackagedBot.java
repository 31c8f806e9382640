package com.seedancebot.app.blackbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The packaged application ({@code bot-app/target/seedance-bot.jar}, path from the {@code
 * seedance.jar} system property that failsafe sets) run as an operator runs it: {@code java -jar}
 * configured by environment variables only. Inherited variables the bot reads ({@code SEEDANCE_*},
 * {@code TELEGRAM_*}, {@code BOT_*} …) are removed first, so only the builder's settings count.
 *
 * <p>{@link Builder#start()} returns once {@code /actuator/health} answers UP; the process's output
 * goes to a log file per run in the work directory ({@link #log()}). {@link #restart()} kills the
 * process and starts it again with the same settings, port and data directory. {@link #close()}
 * kills it (SIGKILL). Not thread-safe: one test thread drives it.
 */
public final class PackagedBot implements AutoCloseable {

  /** Spring Boot starts in ~15 s on a small machine; leave room for a loaded CI host. */
  private static final Duration STARTUP = Duration.ofSeconds(150);

  private static final List<String> INHERITED_PREFIXES =
      List.of(
          "SEEDANCE_",
          "TELEGRAM_",
          "DISCORD_",
          "BOT_",
          "SPRING_",
          "SERVER_",
          "ARK_",
          "LOGGING_",
          "MANAGEMENT_",
          "AWS_");

  private final Map<String, String> env;
  private final List<String> jvmOptions;
  private final Path workDir;
  private final int port;
  private final HttpClient http = HttpClient.newHttpClient();

  /** Kills the bot if the test JVM exits without closing it (a crashed or cancelled build). */
  private final Thread reaper = new Thread(this::close, "packaged-bot-reaper");

  private Process process;
  private Path logFile;
  private int runs;

  private PackagedBot(Builder b) {
    this.workDir = b.workDir;
    this.port = b.port;
    this.jvmOptions = List.copyOf(b.jvmOptions);
    this.env = new LinkedHashMap<>(b.env);
    env.put("SERVER_PORT", Integer.toString(port));
    env.putIfAbsent("BOT_DATA_DIR", workDir.resolve("data").toString());
    env.putIfAbsent("BOT_PUBLIC_URL", "http://127.0.0.1:" + port);
    env.putIfAbsent("BOT_POLL_INTERVAL", "200ms");
    Runtime.getRuntime().addShutdownHook(reaper);
  }

  /** Starts describing a bot whose logs and (default) data directory live in {@code workDir}. */
  public static Builder builder(Path workDir) {
    return new Builder(workDir);
  }

  /** {@code http://127.0.0.1:port}, where the bot's HTTP server listens. */
  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  /** The data directory (H2 database, stored files), the same across restarts. */
  public Path dataDir() {
    return Path.of(env.get("BOT_DATA_DIR"));
  }

  /** The environment the bot runs with (after defaults), for assertions and messages. */
  public Map<String, String> environment() {
    return Map.copyOf(env);
  }

  /** The log file of the current run. */
  public Path logFile() {
    return logFile;
  }

  /** Everything the current run printed so far. */
  public String log() {
    try {
      return Files.readString(logFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until the current run's log contains {@code text}; returns the log. */
  public String awaitLog(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!log().contains(text)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the log never said '" + text + "':\n" + tail());
      }
      Thread.sleep(100);
    }
    return log();
  }

  public boolean isRunning() {
    return process != null && process.isAlive();
  }

  /** Kills the bot (SIGKILL, no graceful shutdown) and starts it again on the same data. */
  public PackagedBot restart() throws IOException, InterruptedException {
    kill();
    launch();
    return this;
  }

  /** Kills the bot abruptly and waits until it is gone. */
  public void kill() throws InterruptedException {
    if (process != null) {
      process.destroyForcibly().waitFor();
    }
  }

  @Override
  public void close() {
    if (Thread.currentThread() != reaper) {
      try {
        Runtime.getRuntime().removeShutdownHook(reaper);
      } catch (IllegalStateException shuttingDown) {
        // the JVM is exiting: the hook runs anyway
      }
    }
    if (process != null) {
      process.destroyForcibly();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The last lines of the current run's log, for failure messages. */
  public String tail() {
    String log = logFile == null ? "" : log();
    return log.length() <= 8000 ? log : "…" + log.substring(log.length() - 8000);
  }

  private void launch() throws IOException, InterruptedException {
    start();
    awaitHealthy();
  }

  /** Starts the process (its output to a new log file) without waiting for anything. */
  private void start() throws IOException {
    runs++;
    logFile = workDir.resolve("bot-" + runs + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-jar");
    command.add(jar().toString());
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    pb.environment().keySet().removeIf(k -> INHERITED_PREFIXES.stream().anyMatch(k::startsWith));
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    pb.redirectOutput(logFile.toFile());
    process = pb.start();
  }

  /** How a run that was expected to stop by itself ended. */
  public record Exit(int code, String output) {}

  private void awaitHealthy() throws InterruptedException {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    HttpRequest health = HttpRequest.newBuilder(baseUrl().resolve("/actuator/health")).build();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the bot exited with " + process.exitValue() + ":\n" + tail());
      }
      try {
        HttpResponse<String> r = http.send(health, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the bot was not healthy after " + STARTUP + ":\n" + tail());
  }

  private static Path jar() {
    Path jar = Path.of(System.getProperty("seedance.jar", "target/seedance-bot.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          jar + " does not exist: run the *IT tests with failsafe (mvn verify), after package");
    }
    return jar;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Collects the environment. Defaults: a free {@code SERVER_PORT}, {@code BOT_DATA_DIR} in the
   * work directory, {@code BOT_PUBLIC_URL} on 127.0.0.1, {@code BOT_POLL_INTERVAL=200ms}; JVM
   * option {@code -XX:TieredStopAtLevel=1} (faster start).
   */
  public static final class Builder {
    private final Path workDir;
    private final Map<String, String> env = new LinkedHashMap<>();
    private final List<String> jvmOptions = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1"));
    private int port = freePort();

    private Builder(Path workDir) {
      this.workDir = Objects.requireNonNull(workDir, "workDir");
    }

    /** Sets an environment variable (a later call for the same name wins). */
    public Builder env(String name, String value) {
      env.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /** Telegram through a Bot API server at {@code apiUrl} (long polling). */
    public Builder telegram(URI apiUrl, String token) {
      return env("TELEGRAM_BOT_TOKEN", token).env("TELEGRAM_API_URL", apiUrl.toString());
    }

    /** The Ark provider at {@code baseUrl} (e.g. a fake's {@code http://127.0.0.1:P/api/v3}). */
    public Builder ark(URI baseUrl, String apiKey) {
      return env("SEEDANCE_PROVIDER", "ark")
          .env("SEEDANCE_BASE_URL", baseUrl.toString())
          .env("SEEDANCE_API_KEY", apiKey);
    }

    /** Another data directory, e.g. one shared with an earlier bot. */
    public Builder dataDir(Path dataDir) {
      return env("BOT_DATA_DIR", dataDir.toString());
    }

    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Adds a JVM option (before {@code -jar}), e.g. {@code -Xmx256m}. */
    public Builder jvmOption(String option) {
      jvmOptions.add(option);
      return this;
    }

    /**
     * Runs the jar expecting it to stop by itself (a start refused for its settings) within {@code
     * timeout}, and returns its exit code and output; fails if it is still running then.
     */
    public Exit runToExit(Duration timeout) throws IOException, InterruptedException {
      try (PackagedBot bot = new PackagedBot(this)) {
        bot.start();
        if (!bot.process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
          throw new AssertionError("the bot still ran after " + timeout + ":\n" + bot.tail());
        }
        return new Exit(bot.process.exitValue(), bot.log());
      }
    }

    /** Starts the jar and waits until it is healthy; the caller closes the bot. */
    public PackagedBot start() throws IOException, InterruptedException {
      PackagedBot bot = new PackagedBot(this);
      try {
        bot.launch();
      } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
        bot.close();
        throw e;
      }
      return bot;
    }
  }
}
