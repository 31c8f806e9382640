package com.seedancebot.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.seedancebot.app.web.CallbackController;
import com.seedancebot.core.provider.fake.FakeArkServer;
import com.seedancebot.core.provider.fake.FakeGatewayServer;
import com.seedancebot.core.provider.fake.FakeGlobalAiOpcServer;
import com.seedancebot.core.provider.fake.FakeProviderServer;
import com.seedancebot.core.provider.fake.RecordedRequest;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole application against each family's faithful fake, configured the way an operator does it
 * ({@code SEEDANCE_PROVIDER}, {@code SEEDANCE_BASE_URL}, {@code SEEDANCE_API_KEY}): a playground
 * {@code /video} — text only, then with an attached 640×480 PNG — runs to a delivered video whose
 * link serves the fake's MP4, the fake received create requests that match PROVIDERS.md field for
 * field, and it could fetch the image it was given.
 *
 * <p>Each case starts its own application on a free port, after its fake (the base URL is
 * configuration), and stops it at the end, so no scheduler outlives its fake. Ark inlines images as
 * {@code data:} URLs when {@code bot.public-url} is a loopback address and sends signed links (and,
 * with {@code bot.callbacks}, a callback URL) when it is reachable from outside; the gateway and
 * GlobalAiOpc always get signed links.
 */
class ProviderEndToEndIT {

  private static final Duration VIDEO_TIMEOUT = Duration.ofSeconds(60);
  private static final String T2V = "/video a red fox running in snow --duration 5 --ratio 16:9";
  private static final String I2V = "/video the fox turns to the camera --duration 5";
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String PLAYGROUND_TOKEN = "e2e-playground-token-" + UUID.randomUUID();

  /** How the application reaches the provider and how the provider reaches the application. */
  enum Setup {
    /** Ark, public URL on loopback: images inline, no callbacks. */
    ARK_ON_LOOPBACK("ark", false),
    /** Ark, public URL on this machine's network address: signed links and callbacks. */
    ARK_REACHABLE_WITH_CALLBACKS("ark", true),
    GATEWAY("gateway", false),
    GLOBALAIOPC("globalaiopc", false);

    final String provider;
    final boolean reachable;

    Setup(String provider, boolean reachable) {
      this.provider = provider;
      this.reachable = reachable;
    }

    FakeProviderServer startFake() {
      return switch (this) {
        case ARK_ON_LOOPBACK, ARK_REACHABLE_WITH_CALLBACKS -> FakeArkServer.start();
        case GATEWAY -> FakeGatewayServer.start();
        case GLOBALAIOPC -> FakeGlobalAiOpcServer.start();
      };
    }
  }

  @TempDir Path dataDir;

  @ParameterizedTest
  @EnumSource(Setup.class)
  void aPlaygroundVideoRunsThroughTheProviderAsPublished(Setup setup) throws Exception {
    String host = setup.reachable ? networkAddress().orElse(null) : "127.0.0.1";
    assumeTrue(host != null, "no non-loopback IPv4 address on this machine");
    int port = freePort();
    String publicUrl = "http://" + host + ":" + port;
    String session = "e2e-" + UUID.randomUUID().toString().replace("-", "");
    String user = "PLAYGROUND:web-" + session;

    try (FakeProviderServer fake = setup.startFake();
        ConfigurableApplicationContext app = startApp(setup, fake, port, publicUrl)) {
      Playground playground = new Playground("http://127.0.0.1:" + port, session);

      // text to video
      playground.post(T2V, null);
      JsonNode first = playground.awaitVideos(1).get(0);

      assertThat(playground.download(first.path("video").path("url").stringValue()))
          .isEqualTo(fake.videoBytes());
      if (setup != Setup.GLOBALAIOPC) {
        assertThat(playground.download(first.path("video").path("lastFrameUrl").stringValue()))
            .as("the last frame, for Continue")
            .isEqualTo(fake.lastFrameBytes());
      }
      JsonNode t2v = withoutChosenSeed(onlyCreate(fake).json(), setup);
      String callback = callbackUrlIn(t2v, setup, publicUrl);
      assertThat((Object) t2v).isEqualTo(expectedTextToVideo(setup, user, callback));

      // image to video
      fake.clearRecords();
      byte[] png = png(640, 480);
      playground.post(I2V, png);
      JsonNode second = playground.awaitVideos(2).get(1);

      assertThat(playground.download(second.path("video").path("url").stringValue()))
          .isEqualTo(fake.videoBytes());
      JsonNode i2v = withoutChosenSeed(onlyCreate(fake).json(), setup);
      String imageUrl = imageUrlIn(i2v, setup);
      if (setup == Setup.ARK_ON_LOOPBACK) {
        assertThat(imageUrl).startsWith("data:image/png;base64,");
        assertThat(Base64.getDecoder().decode(imageUrl.substring(imageUrl.indexOf(',') + 1)))
            .isEqualTo(png);
      } else {
        assertThat(imageUrl).startsWith(publicUrl + "/files/").contains("sig=");
      }
      assertThat(fake.fetchedMedia())
          .singleElement()
          .satisfies(
              f -> {
                assertThat(f.url()).isEqualTo(imageUrl);
                assertThat(f.ok()).as("fetched: %s", f.error()).isTrue();
                assertThat(f.sha256()).isEqualTo(sha256(png));
                assertThat(List.of(f.width(), f.height())).containsExactly(640, 480);
              });
      String callback2 = callbackUrlIn(i2v, setup, publicUrl);
      assertThat((Object) i2v).isEqualTo(expectedImageToVideo(setup, user, imageUrl, callback2));

      if (setup == Setup.ARK_REACHABLE_WITH_CALLBACKS) {
        assertThat(((FakeArkServer) fake).callbacks())
            .isNotEmpty()
            .allSatisfy(c -> assertThat(c.httpStatus() / 100).as("callback answer").isEqualTo(2));
      }
    }
  }

  // ---- what PROVIDERS.md says the create request carries for these two commands

  /**
   * Ark's creates carry a seed the bot chose and stored before sending (so that a create whose
   * answer is lost can be found in Ark's task list); the other families' do not. Returns the create
   * without it, for comparing the rest field for field.
   */
  private static JsonNode withoutChosenSeed(JsonNode create, Setup setup) {
    ObjectNode copy = ((ObjectNode) create).deepCopy();
    if (setup == Setup.GATEWAY || setup == Setup.GLOBALAIOPC) {
      assertThat(copy.has("seed")).as("no seed chosen for %s", setup).isFalse();
      return copy;
    }
    assertThat(copy.path("seed").asLong(-1)).as("the chosen seed").isBetween(0L, (1L << 32) - 1);
    copy.remove("seed");
    return copy;
  }

  private static ObjectNode expectedTextToVideo(Setup setup, String user, String callback) {
    ObjectNode n = JSON.createObjectNode();
    switch (setup) {
      case ARK_ON_LOOPBACK, ARK_REACHABLE_WITH_CALLBACKS -> {
        n.put("model", "doubao-seedance-2-0-260128");
        n.putArray("content")
            .addObject()
            .put("type", "text")
            .put("text", "a red fox running in snow");
        arkOptions(n, "16:9", user, callback);
      }
      case GATEWAY -> {
        n.put("model", "doubao-seedance-2.0");
        n.put("prompt", "a red fox running in snow");
        gatewayOptions(n);
      }
      case GLOBALAIOPC -> {
        n.put("model", "seedance_2_0_pro");
        n.put("prompt", "a red fox running in snow");
        n.put("duration", 5).put("aspect_ratio", "16:9").put("generateAudio", true);
      }
    }
    return n;
  }

  private static ObjectNode expectedImageToVideo(
      Setup setup, String user, String imageUrl, String callback) {
    ObjectNode n = JSON.createObjectNode();
    switch (setup) {
      case ARK_ON_LOOPBACK, ARK_REACHABLE_WITH_CALLBACKS -> {
        n.put("model", "doubao-seedance-2-0-260128");
        var content = n.putArray("content");
        content.addObject().put("type", "text").put("text", "the fox turns to the camera");
        ObjectNode image = content.addObject().put("type", "image_url");
        image.putObject("image_url").put("url", imageUrl);
        image.put("role", "first_frame");
        arkOptions(n, "adaptive", user, callback);
      }
      case GATEWAY -> {
        n.put("model", "doubao-seedance-2.0");
        n.put("prompt", "the fox turns to the camera");
        gatewayOptions(n);
        n.putArray("image_urls").add(imageUrl);
      }
      case GLOBALAIOPC -> {
        n.put("model", "seedance_2_0_pro");
        n.put("prompt", "the fox turns to the camera");
        n.put("duration", 5).put("aspect_ratio", "16:9").put("generateAudio", true);
        n.put("first_image", imageUrl);
      }
    }
    return n;
  }

  /**
   * Ark 2.0: 720p and sound by default; an image-to-video's default ratio is adaptive. The bot
   * always asks for the last frame, which its Continue button needs.
   */
  private static void arkOptions(ObjectNode n, String ratio, String user, String callback) {
    n.put("ratio", ratio).put("resolution", "720p").put("duration", 5);
    n.put("generate_audio", true).put("watermark", false).put("return_last_frame", true);
    if (callback != null) {
      n.put("callback_url", callback);
    }
    n.put("safety_identifier", user);
  }

  /** The gateway's 2.0 defaults: 16:9 (also from an image), 480p, no sound; and the last frame. */
  private static void gatewayOptions(ObjectNode n) {
    n.put("duration", 5).put("size", "16:9").put("resolution", "480p");
    n.put("generate_audio", false).put("return_last_frame", true);
  }

  /** The callback URL the request must carry (checked for form), or null when none is due. */
  private static String callbackUrlIn(JsonNode create, Setup setup, String publicUrl) {
    if (setup != Setup.ARK_REACHABLE_WITH_CALLBACKS) {
      assertThat(create.has("callback_url")).as("callback_url sent").isFalse();
      return null;
    }
    String url = create.path("callback_url").stringValue();
    assertThat(url).matches(publicUrl + CallbackController.PATH_PREFIX + "[A-Za-z0-9_-]{32}");
    return url;
  }

  private static String imageUrlIn(JsonNode create, Setup setup) {
    JsonNode url =
        switch (setup) {
          case ARK_ON_LOOPBACK, ARK_REACHABLE_WITH_CALLBACKS ->
              create.path("content").path(1).path("image_url").path("url");
          case GATEWAY -> create.path("image_urls").path(0);
          case GLOBALAIOPC -> create.path("first_image");
        };
    assertThat(url.isString()).as("image URL in %s", create).isTrue();
    return url.stringValue();
  }

  private static RecordedRequest onlyCreate(FakeProviderServer fake) {
    List<RecordedRequest> creates =
        fake.requests().stream().filter(r -> r.method().equals("POST")).toList();
    assertThat(creates).hasSize(1);
    RecordedRequest create = creates.get(0);
    assertThat(create.header("Authorization")).isEqualTo("Bearer " + fake.apiKey());
    return create;
  }

  // ---- the application and its playground

  /**
   * Starts the application with command-line arguments, which (unlike default properties) win over
   * {@code application.yml}, as the environment variables of a deployment would.
   */
  private ConfigurableApplicationContext startApp(
      Setup setup, FakeProviderServer fake, int port, String publicUrl) {
    return new SpringApplicationBuilder(SeedanceBotApplication.class)
        .run(
            "--server.port=" + port,
            "--seedance.provider=" + setup.provider,
            "--seedance.base-url=" + fake.baseUrl(),
            "--seedance.api-key=" + fake.apiKey(),
            "--bot.data-dir=" + dataDir,
            "--bot.poll-interval=200ms",
            "--bot.public-url=" + publicUrl,
            "--bot.callbacks=" + setup.reachable,
            // a paid provider: the playground is on only when asked for, and behind a token
            "--BOT_PLAYGROUND_ENABLED=true",
            "--BOT_PLAYGROUND_TOKEN=" + PLAYGROUND_TOKEN);
  }

  /** The playground's JSON API as {@code static/playground.js} uses it. */
  private record Playground(String base, String session) {

    private static final RestClient HTTP = RestClient.create();

    void post(String text, byte[] png) {
      var form = new LinkedMultiValueMap<String, Object>();
      form.add("session", session);
      form.add("text", text);
      if (png != null) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.IMAGE_PNG);
        form.add(
            "files",
            new HttpEntity<>(
                new ByteArrayResource(png) {
                  @Override
                  public String getFilename() {
                    return "frame.png";
                  }
                },
                headers));
      }
      HTTP.post()
          .uri(base + "/api/playground/messages")
          .header(HttpHeaders.AUTHORIZATION, "Bearer " + PLAYGROUND_TOKEN)
          .contentType(MediaType.MULTIPART_FORM_DATA)
          .body(form)
          .retrieve()
          .toBodilessEntity();
    }

    /** Waits until the transcript holds {@code count} videos; fails with the transcript if not. */
    List<JsonNode> awaitVideos(int count) throws InterruptedException {
      long deadline = System.nanoTime() + VIDEO_TIMEOUT.toNanos();
      JsonNode messages;
      while (true) {
        messages = transcript();
        List<JsonNode> videos = messages.valueStream().filter(this::isVideo).toList();
        if (videos.size() >= count) {
          return videos;
        }
        assertThat(System.nanoTime()).as("videos in %s", messages).isLessThan(deadline);
        Thread.sleep(100);
      }
    }

    private boolean isVideo(JsonNode m) {
      return "video".equals(m.path("kind").stringValue());
    }

    JsonNode transcript() {
      String body =
          HTTP.get()
              .uri(base + "/api/playground/messages?session={s}&since=0", session)
              .header(HttpHeaders.AUTHORIZATION, "Bearer " + PLAYGROUND_TOKEN)
              .retrieve()
              .body(String.class);
      return JSON.readTree(body).path("messages");
    }

    byte[] download(String url) {
      return HTTP.get().uri(URI.create(url)).retrieve().body(byte[].class);
    }
  }

  // ---- helpers

  private static byte[] png(int width, int height) {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0x3a6ea5));
    g.fillRect(0, 0, width, height);
    g.setColor(new Color(0xd9792b));
    g.fillOval(width / 4, height / 4, width / 2, height / 2);
    g.dispose();
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** An IPv4 address of this machine that is not loopback, as a public URL would name it. */
  private static Optional<String> networkAddress() throws SocketException {
    return NetworkInterface.networkInterfaces()
        .filter(nic -> isUp(nic))
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress())
        .map(InetAddress::getHostAddress)
        .findFirst();
  }

  private static boolean isUp(NetworkInterface nic) {
    try {
      return nic.isUp() && !nic.isLoopback();
    } catch (SocketException e) {
      return false;
    }
  }
}
