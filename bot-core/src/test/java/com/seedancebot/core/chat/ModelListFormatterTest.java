package com.seedancebot.core.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.seedancebot.core.request.Capabilities;
import com.seedancebot.core.request.ModelCatalog;
import com.seedancebot.core.request.ModelFamily;
import com.seedancebot.core.request.ModelSpec;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ModelListFormatterTest {

  private static final Set<String> RATIOS =
      Set.of("16:9", "4:3", "1:1", "3:4", "9:16", "21:9", "adaptive");

  private static final ModelSpec V20 =
      new ModelSpec(
          "doubao-seedance-2-0-260128",
          ModelFamily.ARK,
          "2.0",
          "Seedance 2.0",
          new Capabilities(
              4,
              15,
              true,
              5,
              RATIOS,
              "adaptive",
              Set.of("1080p", "480p", "720p"),
              "720p",
              true,
              true,
              true,
              true,
              true,
              9,
              3,
              3,
              false,
              false,
              true,
              true));

  private static final ModelSpec PRO_FAST =
      new ModelSpec(
          "doubao-seedance-1-0-pro-fast-251015",
          ModelFamily.ARK,
          "1.0-pro-fast",
          "Seedance 1.0 Pro Fast",
          new Capabilities(
              2,
              12,
              false,
              5,
              RATIOS,
              "16:9",
              Set.of("720p", "1080p", "480p"),
              "1080p",
              false,
              false,
              true,
              true,
              false,
              0,
              0,
              0,
              false,
              false,
              false,
              false));

  private static final ModelSpec GATEWAY_FAST =
      new ModelSpec(
          "doubao-seedance-2.0-fast",
          ModelFamily.GATEWAY,
          "fast",
          "Seedance 2.0 Fast",
          new Capabilities(
              4,
              15,
              false,
              5,
              RATIOS,
              "16:9",
              Set.of("720p", "480p"),
              "480p",
              true,
              false,
              true,
              true,
              true,
              1,
              1,
              0,
              false,
              false,
              true,
              true));

  private static final ModelSpec OPC_PLAIN =
      new ModelSpec(
          "seedance_2_0",
          ModelFamily.GLOBALAIOPC,
          null,
          null,
          new Capabilities(
              4,
              15,
              false,
              5,
              RATIOS,
              "16:9",
              Set.of("720p"),
              "720p",
              true,
              true,
              false,
              false,
              false,
              9,
              3,
              3,
              true,
              true,
              false,
              false));

  private static final ModelCatalog CATALOG =
      new ModelCatalog(List.of(V20, PRO_FAST, GATEWAY_FAST, OPC_PLAIN));

  private final ModelListFormatter formatter = new ModelListFormatter(new Messages());

  @Test
  void listsTheConfiguredFamilyWithTheCatalogueDefaultMarked() {
    String text = formatter.render(Locale.ENGLISH, CATALOG, List.of(ModelFamily.ARK), null);

    assertThat(text)
        .isEqualTo(
            """
            Models on this bot (choose one with --model 1.0-pro-fast):

            • 2.0 — Seedance 2.0 (default)
              id: doubao-seedance-2-0-260128
              4–15 s or auto · 480p, 720p, 1080p · sound (on unless --no-audio)
              text · first frame · first + last frame · references: up to 9 images, 3 videos, 3 audio clips

            • 1.0-pro-fast — Seedance 1.0 Pro Fast
              id: doubao-seedance-1-0-pro-fast-251015
              2–12 s · 480p, 720p, 1080p · no sound
              text · first frame""");
  }

  @Test
  void theConfiguredDefaultWinsAndOtherFamiliesAreLeftOut() {
    String text =
        formatter.render(
            Locale.ENGLISH,
            CATALOG,
            List.of(ModelFamily.ARK),
            "doubao-seedance-1-0-pro-fast-251015");

    assertThat(text)
        .contains("• 2.0 — Seedance 2.0\n")
        .contains("• 1.0-pro-fast — Seedance 1.0 Pro Fast (default)\n")
        .startsWith("Models on this bot (choose one with --model 2.0):")
        .doesNotContain("Seedance 2.0 Fast", "seedance_2_0");
  }

  @Test
  void severalFamiliesGetHeadings() {
    String text =
        formatter.render(
            Locale.ENGLISH, CATALOG, List.of(ModelFamily.GATEWAY, ModelFamily.GLOBALAIOPC), "fast");

    assertThat(text)
        .isEqualTo(
            """
            Models on this bot (choose one with --model seedance_2_0):

            [Seedance gateway]

            • fast — Seedance 2.0 Fast (default)
              id: doubao-seedance-2.0-fast
              4–15 s · 480p, 720p · sound (with --audio)
              text · first frame · first + last frame · references: up to 1 image, 1 video

            [GlobalAiOpc]

            • seedance_2_0 — seedance_2_0
              4–15 s · 720p · sound (on unless --no-audio)
              references: up to 9 images, 3 videos, 3 audio clips · needs a reference video""");
  }

  @Test
  void chinese() {
    String text = formatter.render(Locale.CHINESE, CATALOG, List.of(ModelFamily.ARK), null);

    assertThat(text)
        .isEqualTo(
            """
            本机器人提供的模型（用 --model 1.0-pro-fast 选择）：

            • 2.0 — Seedance 2.0（默认）
              编号：doubao-seedance-2-0-260128
              4–15 秒或自动 · 480p、720p、1080p · 有声音（默认开启，--no-audio 关闭）
              文字 · 首帧 · 首帧 + 尾帧 · 参考：最多 9 张图片、3 段视频、3 段音频

            • 1.0-pro-fast — Seedance 1.0 Pro Fast
              编号：doubao-seedance-1-0-pro-fast-251015
              2–12 秒 · 480p、720p、1080p · 无声音
              文字 · 首帧""");
  }

  @Test
  void noModelsConfigured() {
    assertThat(
            formatter.render(
                Locale.ENGLISH, new ModelCatalog(List.of()), List.of(ModelFamily.ARK), null))
        .isEqualTo("No models are configured on this bot.");
  }

  @Test
  void worksWithTheStandardCatalogue() {
    ModelCatalog standard = ModelCatalog.standard();

    String text = formatter.render(Locale.ENGLISH, standard, List.of(ModelFamily.ARK), null);

    ModelSpec defaultModel = standard.defaultModel(ModelFamily.ARK);
    assertThat(text)
        .contains("• " + defaultModel.alias() + " — " + defaultModel.label() + " (default)")
        .contains("id: " + defaultModel.id());
  }
}
