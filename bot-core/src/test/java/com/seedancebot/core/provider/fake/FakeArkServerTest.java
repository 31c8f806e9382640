package com.seedancebot.core.provider.fake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The fake Ark refuses what the real one refuses, in Ark's envelope, and counts the most tasks it
 * held unfinished at once.
 */
class FakeArkServerTest {

  private final HttpClient http = HttpClient.newHttpClient();
  private final JsonMapper json = JsonMapper.builder().build();
  private FakeArkServer fake;

  @BeforeEach
  void start() {
    fake = FakeArkServer.start("k");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void anUnknownFieldIsRejectedWithInvalidParameter() throws Exception {
    HttpResponse<String> r =
        create(
            """
            {"model":"doubao-seedance-2-0-260128","content":[{"type":"text","text":"x"}],
             "aspect_ratio":"16:9"}
            """);

    JsonNode error = json.readTree(r.body()).get("error");
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(error.get("code").asString()).isEqualTo("InvalidParameter");
    assertThat(error.get("param").asString()).isEqualTo("aspect_ratio");
    assertThat(error.get("type").asString()).isEqualTo("BadRequest");
  }

  @Test
  void aBadRoleIsRejected() throws Exception {
    HttpResponse<String> r =
        create(
            """
            {"model":"doubao-seedance-2-0-260128","content":[
             {"type":"image_url","image_url":{"url":"asset://a"},"role":"first_image"}]}
            """);

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).at("/error/param").asString()).isEqualTo("content[0].role");
  }

  @Test
  void aMissingModelIsAMissingParameter() throws Exception {
    HttpResponse<String> r = create("{\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}");

    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(json.readTree(r.body()).at("/error/code").asString()).isEqualTo("MissingParameter");
  }

  @Test
  void anUnknownModelIsNotFound() throws Exception {
    HttpResponse<String> r =
        create("{\"model\":\"nope\",\"content\":[{\"type\":\"text\",\"text\":\"x\"}]}");

    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(json.readTree(r.body()).at("/error/code").asString())
        .isEqualTo("InvalidEndpointOrModel.NotFound");
  }

  @Test
  void framesAndReferencesExcludeEachOther() throws Exception {
    HttpResponse<String> r =
        create(
            """
            {"model":"doubao-seedance-2-0-260128","content":[
             {"type":"image_url","image_url":{"url":"asset://a"},"role":"first_frame"},
             {"type":"image_url","image_url":{"url":"asset://b"},"role":"reference_image"}]}
            """);

    assertThat(r.statusCode()).isEqualTo(400);
  }

  @Test
  void aWrongKeyGetsTheAuthenticationEnvelope() throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/contents/generations/tasks"))
                .header("Authorization", "Bearer wrong")
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(json.readTree(r.body()).at("/error/code").asString())
        .isEqualTo("AuthenticationError");
  }

  @Test
  void aValidRequestIsAcceptedWithAnArkStyleId() throws Exception {
    HttpResponse<String> r =
        create(
            """
            {"model":"doubao-seedance-2-0-260128","content":[{"type":"text","text":"x"}],
             "ratio":"16:9","duration":5,"watermark":false}
            """);

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(json.readTree(r.body()).get("id").asString()).matches("cgt-\\d{14}-[a-z0-9]{5}");
  }

  @Test
  void thePeakOfUnfinishedTasksCountsQueuedAndRunningOnly() throws Exception {
    fake.setProgression(Progression.MANUAL);
    String valid =
        """
        {"model":"doubao-seedance-2-0-260128","content":[{"type":"text","text":"x"}]}
        """;
    create(valid);
    create(valid);
    fake.advanceAll(); // both running
    fake.advanceAll(); // both finished
    create(valid);
    assertThat(fake.peakUnfinishedTasks()).isEqualTo(2);

    fake.advanceAll(); // the third running
    create(valid);
    create(valid);
    assertThat(fake.peakUnfinishedTasks()).isEqualTo(3);
  }

  private HttpResponse<String> create(String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/contents/generations/tasks"))
            .header("Authorization", "Bearer k")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
