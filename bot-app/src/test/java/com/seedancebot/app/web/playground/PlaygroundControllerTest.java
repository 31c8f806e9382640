package com.seedancebot.app.web.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Messages;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.ReplyTarget;
import com.seedancebot.core.delivery.JobStatus;
import com.seedancebot.core.delivery.VideoDelivery;
import com.seedancebot.core.job.JobState;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabase;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/**
 * The playground's HTTP API and chat port over a real H2 database with the Flyway migrations, and a
 * recording {@link com.seedancebot.core.chat.BotInbox} in place of the core.
 */
class PlaygroundControllerTest {

  private static final String SESSION = "session-1234";
  private static final ChatRef CHAT = new ChatRef(Platform.PLAYGROUND, SESSION, null, null);
  private static final Instant NOW = Instant.parse("2026-05-14T18:32:17.123Z");

  private EmbeddedDatabase database;
  private RecordingBotInbox inbox;
  private PlaygroundChatPort port;
  private JdbcPlaygroundTranscript transcript;
  private MockMvc mvc;

  @BeforeEach
  void setUp() {
    database =
        new EmbeddedDatabaseBuilder()
            .setType(EmbeddedDatabaseType.H2)
            .generateUniqueName(true)
            .build();
    Flyway.configure().dataSource(database).load().migrate();
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    transcript =
        new JdbcPlaygroundTranscript(
            JdbcClient.create(database), new DataSourceTransactionManager(database), clock);
    port = new PlaygroundChatPort(transcript);
    inbox = new RecordingBotInbox();
    useExecutor(Runnable::run);
  }

  private void useExecutor(Executor executor) {
    PlaygroundInboxRelay relay = new PlaygroundInboxRelay(inbox, port, new Messages(), executor);
    mvc =
        MockMvcBuilders.standaloneSetup(
                new PlaygroundController(transcript, relay, Clock.fixed(NOW, ZoneOffset.UTC)))
            .setControllerAdvice(new PlaygroundErrors())
            .build();
  }

  @AfterEach
  void tearDown() {
    database.shutdown();
  }

  @Test
  void aPostedMessageIsStoredAndHandedToTheCoreWithItsFiles() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    String answer =
        mvc.perform(
                multipart("/api/playground/messages")
                    .file(new MockMultipartFile("files", "fox.png", "image/png", png))
                    .file(new MockMultipartFile("files", "song.mp3", "audio/mpeg", new byte[] {7}))
                    .param("session", SESSION)
                    .param("text", "  /video a red fox --duration 4 ")
                    .header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.messageId").isString())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String messageId = JsonPath.read(answer, "$.messageId");

    assertThat(inbox.messages).hasSize(1);
    RecordingBotInbox.Message received = inbox.messages.get(0);
    assertThat(received.text()).isEqualTo("/video a red fox --duration 4");
    assertThat(received.messageId()).isEqualTo(messageId);
    assertThat(received.chat()).isEqualTo(CHAT);
    assertThat(received.user().userId()).isEqualTo("web-" + SESSION);
    assertThat(received.user().displayName()).isEqualTo("You");
    assertThat(received.user().admin()).isTrue();
    assertThat(received.user().locale()).isEqualTo(Locale.CHINESE);
    assertThat(received.files())
        .extracting(RecordingBotInbox.File::name, RecordingBotInbox.File::mimeType)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("fox.png", "image/png"),
            org.assertj.core.groups.Tuple.tuple("song.mp3", "audio/mpeg"));
    assertThat(received.files().get(0).bytes()).isEqualTo(png);
    assertThat(received.files().get(0).declaredSize()).isEqualTo(png.length);
    // the staged copies are gone once the core has handled the message
    assertThatThrownBy(() -> received.attachments().get(0).content().open())
        .isInstanceOf(IOException.class);

    mvc.perform(get("/api/playground/messages").param("session", SESSION).param("since", "0"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.messages", hasSize(1)))
        .andExpect(jsonPath("$.messages[0].id").value(messageId))
        .andExpect(jsonPath("$.messages[0].sender").value("user"))
        .andExpect(jsonPath("$.messages[0].kind").value("text"))
        .andExpect(jsonPath("$.messages[0].text").value("/video a red fox --duration 4"))
        .andExpect(jsonPath("$.messages[0].attachments", contains("fox.png", "song.mp3")))
        .andExpect(jsonPath("$.messages[0].createdAt").value("2026-05-14T18:32:17.123Z"))
        .andExpect(jsonPath("$.serverTime").value("2026-05-14T18:32:17.123Z"));
  }

  @Test
  void aStatusIsEditedInPlaceAndComesBackWithANewVersion() throws Exception {
    String statusId =
        port.showStatus(jobStatus(null, JobState.QUEUED, 2, true, "Queued: position 2"));
    long afterSend = version(0);

    String edited =
        port.showStatus(jobStatus(statusId, JobState.RUNNING, null, false, "Running… 12 s"));
    assertThat(edited).isEqualTo(statusId);

    mvc.perform(
            get("/api/playground/messages")
                .param("session", SESSION)
                .param("since", String.valueOf(afterSend)))
        .andExpect(jsonPath("$.messages", hasSize(1)))
        .andExpect(jsonPath("$.messages[0].id").value(statusId))
        .andExpect(jsonPath("$.messages[0].kind").value("status"))
        .andExpect(jsonPath("$.messages[0].sender").value("bot"))
        .andExpect(jsonPath("$.messages[0].text").value("Running… 12 s"))
        .andExpect(jsonPath("$.messages[0].jobState").value("RUNNING"))
        .andExpect(jsonPath("$.messages[0].buttons", hasSize(0)))
        .andExpect(jsonPath("$.messages[0].replyTo").value("m1"));
    assertThat(version(afterSend)).isGreaterThan(afterSend);
    // nothing changed since: an empty answer that keeps the version
    long latest = version(0);
    mvc.perform(
            get("/api/playground/messages")
                .param("session", SESSION)
                .param("since", String.valueOf(latest)))
        .andExpect(jsonPath("$.messages", hasSize(0)))
        .andExpect(jsonPath("$.version").value(latest));
  }

  @Test
  void aFreshStatusShowsQueuePositionAndCancel() throws Exception {
    port.showStatus(jobStatus(null, JobState.QUEUED, 3, true, "Queued: position 3"));

    mvc.perform(get("/api/playground/messages").param("session", SESSION))
        .andExpect(jsonPath("$.messages[0].queuePosition").value(3))
        .andExpect(jsonPath("$.messages[0].jobId").value("job42"))
        .andExpect(jsonPath("$.messages[0].buttons", contains("CANCEL")));
  }

  @Test
  void editingAStatusThatIsGoneSendsANewOne() {
    String id = port.showStatus(jobStatus("m999", JobState.RUNNING, null, true, "Running"));

    assertThat(id).isNotEqualTo("m999");
    assertThat(transcript.find(SESSION, id))
        .get()
        .extracting(PlaygroundMessage::text)
        .isEqualTo("Running");
  }

  @Test
  void aJobsVideoIsPostedOnceHoweverOftenItIsDelivered() throws Exception {
    VideoDelivery delivery = video("job42");

    port.deliverVideo(delivery);
    long afterFirst = version(0);
    port.deliverVideo(delivery);

    assertThat(version(0)).isEqualTo(afterFirst);
    mvc.perform(get("/api/playground/messages").param("session", SESSION))
        .andExpect(jsonPath("$.messages", hasSize(1)))
        .andExpect(jsonPath("$.messages[0].kind").value("video"))
        .andExpect(jsonPath("$.messages[0].text").value("a red fox · 4 s · job42"))
        .andExpect(
            jsonPath("$.messages[0].video.url").value("http://localhost:8080/assets/v.mp4?sig=abc"))
        .andExpect(
            jsonPath("$.messages[0].video.lastFrameUrl")
                .value("http://localhost:8080/assets/last.png?sig=def"))
        .andExpect(jsonPath("$.messages[0].video.width").value(432))
        .andExpect(jsonPath("$.messages[0].video.height").value(248))
        .andExpect(jsonPath("$.messages[0].video.durationSeconds").value(4.0))
        .andExpect(
            jsonPath("$.messages[0].buttons", contains("REROLL", "CONTINUE", "EDIT", "EXTEND")));
  }

  @Test
  void aReplyToAVideoNamesItsJobAndIsShownAsAReply() throws Exception {
    port.deliverVideo(video("job42"));
    String videoId = transcript.since(SESSION, 0).messages().get(0).id();

    String answer =
        mvc.perform(
                multipart("/api/playground/messages")
                    .param("session", SESSION)
                    .param("text", "/video --extend the fox dives into the snow")
                    .param("replyTo", videoId))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(inbox.messages).hasSize(1);
    assertThat(inbox.messages.get(0).replyTo()).isEqualTo(new ReplyTarget(videoId, "job42"));
    mvc.perform(get("/api/playground/messages").param("session", SESSION).param("since", "0"))
        .andExpect(jsonPath("$.messages[1].id").value(JsonPath.<String>read(answer, "$.messageId")))
        .andExpect(jsonPath("$.messages[1].replyTo").value(videoId));
  }

  @Test
  void aVideoShownAgainIsPostedAgainWithItsAskedForLastFrameAndTheGalleryListsItOnce()
      throws Exception {
    port.deliverVideo(video("job7"));
    port.deliverVideo(video("job8"));

    port.deliverVideo(withLastFrame(video("job7"), true));

    mvc.perform(get("/api/playground/messages").param("session", SESSION))
        .andExpect(jsonPath("$.messages", hasSize(4)))
        .andExpect(jsonPath("$.messages[2].kind").value("video"))
        .andExpect(jsonPath("$.messages[2].jobId").value("job7"))
        .andExpect(jsonPath("$.messages[3].kind").value("image"))
        .andExpect(
            jsonPath("$.messages[3].video.lastFrameUrl")
                .value("http://localhost:8080/assets/last.png?sig=def"))
        .andExpect(jsonPath("$.messages[2].buttons", contains("REROLL", "CONTINUE", "FINAL")));
    mvc.perform(get("/api/playground/gallery").param("session", SESSION))
        .andExpect(jsonPath("$", hasSize(2)))
        .andExpect(jsonPath("$[0].jobId").value("job7"))
        .andExpect(jsonPath("$[1].jobId").value("job8"));
    mvc.perform(get("/api/playground/gallery").param("session", "another-session-0001"))
        .andExpect(jsonPath("$", hasSize(0)));
  }

  /** The delivery of a draft whose owner asked for the last frame; {@code repeat}: by /show. */
  private static VideoDelivery withLastFrame(VideoDelivery d, boolean repeat) {
    return new VideoDelivery(
        d.jobId(),
        d.ownerUserId(),
        d.chat(),
        d.requestMessageId(),
        d.video(),
        d.sizeBytes(),
        d.width(),
        d.height(),
        d.durationSeconds(),
        d.lastFrame(),
        d.videoLink(),
        d.lastFrameLink(),
        d.caption(),
        true,
        null,
        List.of(ButtonAction.REROLL, ButtonAction.CONTINUE, ButtonAction.FINAL),
        true,
        repeat);
  }

  @Test
  void aButtonPressReachesTheCore() throws Exception {
    String statusId = port.showStatus(jobStatus(null, JobState.QUEUED, 1, true, "Queued"));

    mvc.perform(
            post("/api/playground/buttons")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"session":"%s","messageId":"%s","action":"CANCEL","jobId":"job42"}
                    """
                        .formatted(SESSION, statusId)))
        .andExpect(status().isAccepted());

    assertThat(inbox.buttons)
        .containsExactly(
            new RecordingBotInbox.Button(
                new PlaygroundSession(SESSION).user(null),
                CHAT,
                statusId,
                ButtonAction.CANCEL,
                "job42"));
  }

  @Test
  void buttonsThatTheMessageDoesNotOfferAreRefused() throws Exception {
    String statusId = port.showStatus(jobStatus(null, JobState.RUNNING, null, false, "Running"));

    mvc.perform(
            post("/api/playground/buttons")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"session":"%s","messageId":"%s","action":"CANCEL","jobId":"job42"}
                    """
                        .formatted(SESSION, statusId)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(containsString("no CANCEL button")));
    mvc.perform(
            post("/api/playground/buttons")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"session":"other-session","messageId":"%s","action":"CANCEL","jobId":"job42"}
                    """
                        .formatted(statusId)))
        .andExpect(status().isNotFound());
    mvc.perform(
            post("/api/playground/buttons")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"session":"%s","messageId":"%s","action":"EXPLODE","jobId":"job42"}
                    """
                        .formatted(SESSION, statusId)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(containsString("CANCEL, REROLL, CONTINUE")));
    assertThat(inbox.buttons).isEmpty();
  }

  @Test
  void badInputIsRefusedWithAJsonError() throws Exception {
    mvc.perform(multipart("/api/playground/messages").param("text", "/help"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(containsString("session")));
    mvc.perform(
            multipart("/api/playground/messages").param("session", "a b").param("text", "/help"))
        .andExpect(status().isBadRequest());
    mvc.perform(multipart("/api/playground/messages").param("session", SESSION).param("text", " "))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value("text or files are required"));
    mvc.perform(
            multipart("/api/playground/messages")
                .param("session", SESSION)
                .param("text", "x".repeat(PlaygroundController.MAX_TEXT + 1)))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/playground/messages"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").value(containsString("session")));
    mvc.perform(get("/api/playground/messages").param("session", SESSION).param("since", "-1"))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/api/playground/messages").param("session", SESSION).param("since", "abc"))
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/api/playground/buttons")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{not json"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.error").isString());
    assertThat(inbox.messages).isEmpty();
  }

  @Test
  void aLongTranscriptComesInPagesWithoutLosingAChange() throws Exception {
    int total = JdbcPlaygroundTranscript.PAGE_LIMIT + 1;
    for (int i = 1; i <= total; i++) {
      port.sendText(CHAT, null, "line " + i);
    }

    String first =
        mvc.perform(get("/api/playground/messages").param("session", SESSION))
            .andExpect(jsonPath("$.messages", hasSize(JdbcPlaygroundTranscript.PAGE_LIMIT)))
            .andExpect(jsonPath("$.messages[0].text").value("line 1"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    long next = ((Number) JsonPath.read(first, "$.version")).longValue();

    mvc.perform(
            get("/api/playground/messages")
                .param("session", SESSION)
                .param("since", String.valueOf(next)))
        .andExpect(jsonPath("$.messages", hasSize(1)))
        .andExpect(jsonPath("$.messages[0].text").value("line " + total));
  }

  @Test
  void sessionsDoNotSeeEachOthersMessages() throws Exception {
    port.sendText(CHAT, null, "for session 1 only");

    mvc.perform(get("/api/playground/messages").param("session", "session-5678"))
        .andExpect(jsonPath("$.messages", hasSize(0)));
    mvc.perform(get("/api/playground/messages").param("session", SESSION))
        .andExpect(jsonPath("$.messages[0].text").value("for session 1 only"));
  }

  @Test
  void aFullPoolIsAnsweredWithBusyInTheChat() throws Exception {
    useExecutor(
        task -> {
          throw new RejectedExecutionException("full");
        });

    mvc.perform(
            multipart("/api/playground/messages").param("session", SESSION).param("text", "/help"))
        .andExpect(status().isServiceUnavailable())
        .andExpect(jsonPath("$.error").value(containsString("busy")));

    mvc.perform(get("/api/playground/messages").param("session", SESSION))
        .andExpect(jsonPath("$.messages", hasSize(2)))
        .andExpect(jsonPath("$.messages[1].sender").value("bot"))
        .andExpect(jsonPath("$.messages[1].text").value(containsString("busy")));
  }

  @Test
  void aFailureOfTheCoreIsAnsweredWithAnApology() throws Exception {
    inbox.failWith = new IllegalStateException("boom");

    mvc.perform(
            multipart("/api/playground/messages").param("session", SESSION).param("text", "/help"))
        .andExpect(status().isOk());

    mvc.perform(get("/api/playground/messages").param("session", SESSION))
        .andExpect(
            jsonPath("$.messages[1].text")
                .value("Something went wrong while handling that message. Please try again."))
        .andExpect(jsonPath("$.messages[1].replyTo").value("m1"));
  }

  @Test
  void portsForOtherPlatformsAreRefused() {
    assertThatThrownBy(() -> port.sendText(ChatRef.of(Platform.TELEGRAM, "1"), null, "hi"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private long version(long since) throws Exception {
    String body =
        mvc.perform(
                get("/api/playground/messages")
                    .param("session", SESSION)
                    .param("since", String.valueOf(since)))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    return ((Number) JsonPath.read(body, "$.version")).longValue();
  }

  private static JobStatus jobStatus(
      String statusId, JobState state, Integer position, boolean cancellable, String text) {
    return new JobStatus(
        "job42", "web-" + SESSION, CHAT, "m1", statusId, state, position, cancellable, text);
  }

  private static VideoDelivery video(String jobId) {
    return new VideoDelivery(
        jobId,
        "web-" + SESSION,
        CHAT,
        "m1",
        Path.of("/data/results/" + jobId + ".mp4"),
        123_456,
        432,
        248,
        4.0,
        Path.of("/data/results/" + jobId + ".png"),
        URI.create("http://localhost:8080/assets/v.mp4?sig=abc"),
        URI.create("http://localhost:8080/assets/last.png?sig=def"),
        "a red fox · 4 s · " + jobId,
        true);
  }
}
