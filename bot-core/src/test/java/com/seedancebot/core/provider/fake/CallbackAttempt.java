package com.seedancebot.core.provider.fake;

import tools.jackson.databind.JsonNode;

/**
 * One POST the fake Ark made to a task's {@code callback_url}.
 *
 * @param url the callback URL
 * @param taskId the task
 * @param status the task status the body reports ({@code running}, {@code succeeded}, …)
 * @param attempt 1 for the first delivery, 2..4 for retries of final states
 * @param httpStatus the receiver's answer, or -1 when it could not be reached
 * @param body the task body sent (same as Get)
 */
public record CallbackAttempt(
    String url, String taskId, String status, int attempt, int httpStatus, JsonNode body) {}
