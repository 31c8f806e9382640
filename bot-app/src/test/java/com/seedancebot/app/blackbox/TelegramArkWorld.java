package com.seedancebot.app.blackbox;

import com.seedancebot.core.provider.fake.FakeArkServer;
import com.seedancebot.core.provider.fake.Progression;
import com.seedancebot.telegram.fake.FakeTelegramBotApi;
import java.nio.file.Path;

/**
 * The packaged bot between the fake Telegram Bot API server and the fake Ark, configured by
 * environment variables only, every result being {@code result}; closed together.
 */
final class TelegramArkWorld implements AutoCloseable {

  final FakeTelegramBotApi telegram;
  final FakeArkServer ark;
  final PackagedBot bot;

  private TelegramArkWorld(FakeTelegramBotApi telegram, FakeArkServer ark, PackagedBot bot) {
    this.telegram = telegram;
    this.ark = ark;
    this.bot = bot;
  }

  /** Starts the fakes and the bot; Ark's tasks move as {@code progression} says. */
  static TelegramArkWorld start(Path work, byte[] result, Progression progression)
      throws Exception {
    return start(work, result, progression, bot -> bot);
  }

  /** Like {@link #start(Path, byte[], Progression)}, with more of the bot's settings. */
  static TelegramArkWorld start(
      Path work,
      byte[] result,
      Progression progression,
      java.util.function.UnaryOperator<PackagedBot.Builder> settings)
      throws Exception {
    FakeTelegramBotApi telegram = new FakeTelegramBotApi();
    FakeArkServer ark = FakeArkServer.start();
    try {
      ark.serveVideo(result);
      ark.setProgression(progression);
      PackagedBot bot =
          settings
              .apply(
                  PackagedBot.builder(work)
                      .telegram(telegram.baseUrl(), FakeTelegramBotApi.TOKEN)
                      .ark(ark.baseUrl(), ark.apiKey()))
              .start();
      return new TelegramArkWorld(telegram, ark, bot);
    } catch (Exception | Error e) {
      ark.close();
      telegram.close();
      throw e;
    }
  }

  @Override
  public void close() {
    bot.close();
    ark.close();
    telegram.close();
  }
}
