package com.seedancebot.core.provider.ark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.seedancebot.core.provider.ProviderException;
import com.seedancebot.core.provider.ProviderTask;
import com.seedancebot.core.provider.TaskState;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

/** {@link ArkTaskJson} on the task bodies PROVIDERS.md shows from the real service. */
class ArkTaskJsonTest {

  private final JsonMapper json = JsonMapper.builder().build();

  @Test
  void aRealSucceededTaskIsReadCompletely() {
    ProviderTask t =
        ArkTaskJson.parse(
            """
            {"id":"cgt-20260514183217-t8rzv","model":"doubao-seedance-2-0-260128",
             "status":"succeeded","error":null,
             "content":{"video_url":"https://x.example/video.mp4?X-Tos-Signature=a",
                        "last_frame_url":"https://x.example/last.png?X-Tos-Signature=b"},
             "usage":{"completion_tokens":108900,"total_tokens":108900},
             "created_at":1778754737,"updated_at":1778755025,"seed":1276,"resolution":"720p",
             "ratio":"16:9","duration":5,"framespersecond":24,"service_tier":"default",
             "execution_expires_after":172800,"generate_audio":true,"draft":false}
            """,
            json);

    assertThat(t)
        .isEqualTo(
            new ProviderTask(
                "cgt-20260514183217-t8rzv",
                TaskState.SUCCEEDED,
                100,
                URI.create("https://x.example/video.mp4?X-Tos-Signature=a"),
                URI.create("https://x.example/last.png?X-Tos-Signature=b"),
                108_900L,
                1276L,
                5.0,
                null,
                null));
  }

  @Test
  void aFailedTaskCarriesItsErrorCode() {
    ProviderTask t =
        ArkTaskJson.parse(
            """
            {"id":"cgt-1","status":"failed",
             "error":{"code":"OutputVideoSensitiveContentDetected.PolicyViolation","message":"m"}}
            """,
            json);

    assertThat(t.state()).isEqualTo(TaskState.FAILED);
    assertThat(t.errorCode()).isEqualTo("OutputVideoSensitiveContentDetected.PolicyViolation");
    assertThat(t.errorMessage()).isEqualTo("m");
  }

  @ParameterizedTest
  @CsvSource({
    "queued, QUEUED",
    "running, RUNNING",
    "succeeded, SUCCEEDED",
    "failed, FAILED",
    "expired, EXPIRED",
    "cancelled, CANCELLED"
  })
  void everyArkStatusIsMapped(String status, TaskState state) {
    assertThat(ArkTaskJson.parse("{\"id\":\"cgt-1\",\"status\":\"" + status + "\"}", json).state())
        .isEqualTo(state);
  }

  @Test
  void somethingThatIsNotATaskIsATransientMalformedResponse() {
    ProviderException e =
        catchThrowableOfType(
            ProviderException.class, () -> ArkTaskJson.parse("{\"status\":\"weird\"}", json));

    assertThat(e.kind()).isEqualTo(ProviderException.Kind.TRANSIENT);
  }
}
