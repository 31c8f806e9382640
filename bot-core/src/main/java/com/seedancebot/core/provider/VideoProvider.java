package com.seedancebot.core.provider;

import com.seedancebot.core.request.ModelFamily;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Collection;
import java.util.Map;

/**
 * The port every Seedance API client implements. Implementations are thread-safe, do one HTTP
 * exchange per call (retries are the core's job) and throw {@link ProviderException} for every
 * failure, classified.
 */
public interface VideoProvider {

  /** A unique name for this configured provider (e.g. {@code ark}, {@code simulator}). */
  String name();

  /** The API family, which decides the model ids this provider understands. */
  ModelFamily family();

  /** How many tasks this provider may have queued or running at once. */
  int maxConcurrentTasks();

  /**
   * Whether images and audio may be sent inline as base64 {@code data:} URLs (Ark) instead of
   * signed links; false by default.
   */
  default boolean acceptsInlineMedia() {
    return false;
  }

  /**
   * Whether {@link #findCreated} can tell if a create whose answer was lost made a task (a list
   * endpoint that shows seed and creation time). False by default.
   */
  default boolean canFindCreated() {
    return false;
  }

  /**
   * Looks for the task a create request with this (seeded) request made at or after {@code since}.
   * Only called when {@link #canFindCreated()}.
   *
   * @return the task id, or empty when no such task exists
   */
  default java.util.Optional<String> findCreated(SubmitRequest request, java.time.Instant since) {
    throw new UnsupportedOperationException(name() + " cannot look for created tasks");
  }

  /** Creates a task and returns the provider's task id. */
  String submit(SubmitRequest request);

  /**
   * Current state of the given tasks. Providers with a list endpoint answer many ids in one
   * request; others fetch one by one. Ids the provider no longer knows are absent from the map.
   */
  Map<String, ProviderTask> poll(Collection<String> taskIds);

  /** Asks the provider to cancel a task. */
  CancelOutcome cancel(String taskId);

  /**
   * Opens a result file ({@link ProviderTask#videoUrl()} or {@link ProviderTask#lastFrameUrl()})
   * for streaming; the caller closes the stream.
   */
  InputStream download(URI resultUrl) throws IOException;
}
