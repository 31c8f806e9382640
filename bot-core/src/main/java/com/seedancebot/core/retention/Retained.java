package com.seedancebot.core.retention;

import java.util.Set;

/**
 * What a sweep must not delete however old it is: the stored assets and provider tasks of jobs that
 * still need them.
 *
 * @param assetIds attachments, results and last frames of jobs that still need them
 * @param providerTaskIds the provider tasks of those jobs
 */
public record Retained(Set<String> assetIds, Set<String> providerTaskIds) {
  public Retained {
    assetIds = Set.copyOf(assetIds);
    providerTaskIds = Set.copyOf(providerTaskIds);
  }
}
