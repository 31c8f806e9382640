package com.seedancebot.core.provider;

import com.seedancebot.core.provider.ProviderException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies provider error codes (PROVIDERS.md, Ark's codes, which the resellers relay) and HTTP
 * statuses into a {@link Kind}. Stateless. The core uses {@link #classify(String)} for the error
 * code of a failed task; clients use {@link #classifyHttp(int, String)} for a failed HTTP call.
 */
public final class ProviderErrors {

  private static final Pattern REFUSAL =
      Pattern.compile("(?:Input|Output)[A-Za-z]*SensitiveContentDetected(?:\\.[A-Za-z]+)*");

  private static final List<String> TRANSIENT_CODES =
      List.of(
          "RateLimitExceeded",
          "ModelAccountRpmRateLimitExceeded",
          "AccountRateLimitExceeded",
          "InflightBatchsizeExceeded",
          "ServerOverloaded",
          "RequestBurstTooFast",
          "QuotaExceeded",
          "InternalServiceError");

  private static final List<String> OPERATOR_CODES =
      List.of(
          "AuthenticationError",
          "AccountOverdueError",
          "AccessDenied",
          "OperationDenied.ServiceNotOpen",
          "ModelNotOpen",
          "InvalidEndpointOrModel");

  private ProviderErrors() {}

  /**
   * The kind of a provider error code. {@code MissingParameter*}, {@code InvalidParameter*},
   * unknown codes and null are {@link Kind#INVALID_REQUEST}: final, not retried, because
   * resubmitting a request that failed for an unknown reason costs money without a reason to expect
   * success.
   */
  public static Kind classify(String code) {
    if (code == null || code.isBlank()) {
      return Kind.INVALID_REQUEST;
    }
    if (isContentRefusal(code)) {
      return Kind.CONTENT_REFUSED;
    }
    if (TRANSIENT_CODES.stream().anyMatch(code::startsWith)) {
      return Kind.TRANSIENT;
    }
    if (OPERATOR_CODES.stream().anyMatch(code::startsWith)) {
      return Kind.OPERATOR;
    }
    return Kind.INVALID_REQUEST;
  }

  /**
   * The kind of a non-2xx HTTP answer: 408, 429 and 5xx are transient whatever the code; 401, 402,
   * 403 and 404 are operator problems; other 4xx are a content refusal when the code says so, else
   * an invalid request.
   */
  public static Kind classifyHttp(int status, String code) {
    if (status == 408 || status == 429 || status >= 500) {
      return Kind.TRANSIENT;
    }
    if (status == 401 || status == 402 || status == 403 || status == 404) {
      return Kind.OPERATOR;
    }
    return code != null && isContentRefusal(code) ? Kind.CONTENT_REFUSED : Kind.INVALID_REQUEST;
  }

  /** Whether the code is an input or output content-safety refusal. */
  public static boolean isContentRefusal(String code) {
    return code != null && REFUSAL.matcher(code).lookingAt();
  }

  /**
   * The first content-refusal code inside free text (resellers relay Ark's code inside a message).
   */
  public static Optional<String> refusalCodeIn(String text) {
    if (text == null) {
      return Optional.empty();
    }
    Matcher m = REFUSAL.matcher(text);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }

  /**
   * A classified exception for a non-2xx answer. The message names the provider, the status and the
   * code; the caller must pass a {@code message} already free of secrets.
   */
  public static ProviderException forHttp(
      String provider, int status, String code, String message, Duration retryAfter) {
    String effectiveCode = code;
    if (effectiveCode == null || effectiveCode.isBlank()) {
      effectiveCode = refusalCodeIn(message).orElse(null);
    }
    Kind kind = classifyHttp(status, effectiveCode);
    StringBuilder text = new StringBuilder(provider).append(": HTTP ").append(status);
    if (effectiveCode != null) {
      text.append(' ').append(effectiveCode);
    }
    if (message != null && !message.isBlank()) {
      text.append(": ").append(message);
    }
    return new ProviderException(
        kind, effectiveCode, text.toString(), kind == Kind.TRANSIENT ? retryAfter : null);
  }
}
