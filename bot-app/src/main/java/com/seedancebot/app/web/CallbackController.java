package com.seedancebot.app.web;

import com.seedancebot.core.job.JobRepository;
import com.seedancebot.core.job.JobTracker;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Receives provider callbacks at {@code POST /callbacks/{token}}. Callbacks are not signed, so the
 * body is never trusted: the unguessable per-job token only says which job to look at, and the
 * tracker confirms the state with the provider (a GET) before acting. Unknown tokens get 404; known
 * ones 200 at once, so the provider does not retry.
 */
@RestController
public class CallbackController {

  public static final String PATH_PREFIX = "/callbacks/";

  private final JobRepository jobs;
  private final JobTracker tracker;

  public CallbackController(JobRepository jobs, JobTracker tracker) {
    this.jobs = jobs;
    this.tracker = tracker;
  }

  @PostMapping(PATH_PREFIX + "{token}")
  public ResponseEntity<Void> callback(@PathVariable String token) {
    return jobs.findByCallbackToken(token)
        .<ResponseEntity<Void>>map(
            job -> {
              tracker.pollSoon(job.id());
              return ResponseEntity.ok().build();
            })
        .orElseGet(() -> ResponseEntity.notFound().build());
  }
}
