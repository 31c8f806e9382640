package com.seedancebot.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.provider.ProviderException.Kind;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderErrorsTest {

  @ParameterizedTest
  @CsvSource({
    "InputTextSensitiveContentDetected, CONTENT_REFUSED",
    "InputImageSensitiveContentDetected.PrivacyInformation, CONTENT_REFUSED",
    "InputVideoSensitiveContentDetected.PolicyViolation, CONTENT_REFUSED",
    "InputAudioSensitiveContentDetected, CONTENT_REFUSED",
    "OutputVideoSensitiveContentDetected.PolicyViolation, CONTENT_REFUSED",
    "OutputAudioSensitiveContentDetected, CONTENT_REFUSED",
    "MissingParameter, INVALID_REQUEST",
    "InvalidParameter.UnsupportedRatio, INVALID_REQUEST",
    "AuthenticationError, OPERATOR",
    "AccountOverdueError, OPERATOR",
    "AccessDenied, OPERATOR",
    "OperationDenied.ServiceNotOpen, OPERATOR",
    "ModelNotOpen, OPERATOR",
    "InvalidEndpointOrModel.NotFound, OPERATOR",
    "RateLimitExceeded.EndpointRPMExceeded, TRANSIENT",
    "ModelAccountRpmRateLimitExceeded, TRANSIENT",
    "AccountRateLimitExceeded, TRANSIENT",
    "InflightBatchsizeExceeded, TRANSIENT",
    "ServerOverloaded, TRANSIENT",
    "RequestBurstTooFast, TRANSIENT",
    "QuotaExceeded, TRANSIENT",
    "InternalServiceError, TRANSIENT",
    "SomethingNew, INVALID_REQUEST"
  })
  void everyDocumentedCodeHasItsKind(String code, Kind kind) {
    assertThat(ProviderErrors.classify(code)).isEqualTo(kind);
  }

  @ParameterizedTest
  @CsvSource({
    "400, InvalidParameter, INVALID_REQUEST",
    "400, InputTextSensitiveContentDetected, CONTENT_REFUSED",
    "400, , INVALID_REQUEST",
    "401, AuthenticationError, OPERATOR",
    "402, , OPERATOR",
    "403, AccountOverdueError, OPERATOR",
    "404, ModelNotOpen, OPERATOR",
    "429, QuotaExceeded, TRANSIENT",
    "500, InternalServiceError, TRANSIENT",
    "502, , TRANSIENT",
    "503, , TRANSIENT"
  })
  void httpStatusesHaveTheirKind(int status, String code, Kind kind) {
    assertThat(ProviderErrors.classifyHttp(status, code)).isEqualTo(kind);
  }

  @Test
  void aRefusalCodeIsFoundInsideARelayedMessage() {
    assertThat(
            ProviderErrors.refusalCodeIn(
                "OutputVideoSensitiveContentDetected.PolicyViolation: The video may contain…"))
        .contains("OutputVideoSensitiveContentDetected.PolicyViolation");
    assertThat(ProviderErrors.refusalCodeIn("timeout")).isEmpty();
  }

  @Test
  void onlyTransientFailuresKeepRetryAfter() {
    ProviderException busy =
        ProviderErrors.forHttp("ark", 429, "RateLimitExceeded", "slow down", Duration.ofSeconds(3));
    ProviderException bad =
        ProviderErrors.forHttp("ark", 400, "InvalidParameter", "bad", Duration.ofSeconds(3));

    assertThat(busy.retryAfter()).isEqualTo(Duration.ofSeconds(3));
    assertThat(busy.getMessage()).isEqualTo("ark: HTTP 429 RateLimitExceeded: slow down");
    assertThat(bad.retryAfter()).isNull();
  }
}
