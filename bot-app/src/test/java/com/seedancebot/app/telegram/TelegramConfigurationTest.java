package com.seedancebot.app.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.seedancebot.core.chat.BotInbox;
import com.seedancebot.core.chat.ButtonAction;
import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.ChatRequest;
import com.seedancebot.core.chat.IncomingAttachment;
import com.seedancebot.core.chat.ReplyTarget;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.delivery.ChatPort;
import com.seedancebot.core.job.JobSettings;
import com.seedancebot.telegram.TelegramAdapter;
import com.seedancebot.telegram.TelegramSettings;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

class TelegramConfigurationTest {
  private final ApplicationContextRunner runner =
      new ApplicationContextRunner()
          .withUserConfiguration(Inbox.class, TelegramConfiguration.class);

  @Test
  void blankTokenLeavesTelegramOff() {
    runner
        .withPropertyValues("bot.telegram.token=")
        .run(context -> assertThat(context).doesNotHaveBean(TelegramAdapter.class));
  }

  @Test
  void tokenTurnsTelegramOnWithAChatPortAndSettingsFromProperties() {
    runner
        .withPropertyValues(
            "bot.telegram.token=1:abc",
            "bot.telegram.api-url=http://127.0.0.1:1",
            "bot.telegram.webhook-secret=s",
            "bot.telegram.upload-limit=2000MB",
            "bot.public-url=https://bot.example.org")
        .run(
            context -> {
              assertThat(context).hasSingleBean(ChatPort.class);
              TelegramSettings settings = context.getBean(TelegramSettings.class);
              assertThat(settings.webhookMode()).isTrue();
              assertThat(settings.uploadLimitBytes()).isEqualTo(2000L * 1024 * 1024);
              assertThat(settings.downloadLimitBytes()).isEqualTo(20L * 1024 * 1024);
              assertThat(context.getBean(TelegramProperties.class).toString())
                  .doesNotContain("1:abc");
            });
  }

  @Test
  void webhookAnswers503UntilConnected() throws Exception {
    runner
        .withPropertyValues("bot.telegram.token=1:abc", "bot.telegram.api-url=http://127.0.0.1:1")
        .run(
            context -> {
              var controller =
                  new TelegramWebhookController(context.getBean(TelegramAdapter.class));
              MockMvcBuilders.standaloneSetup(controller)
                  .build()
                  .perform(post("/telegram/webhook").content("{}"))
                  .andExpect(status().isServiceUnavailable());
            });
  }

  @Configuration(proxyBeanMethods = false)
  @EnableConfigurationProperties(TelegramProperties.class)
  static class Inbox {
    @Bean
    DataSource dataSource() {
      return new DriverManagerDataSource("jdbc:h2:mem:telegram-configuration", "sa", "");
    }

    @Bean
    JobSettings jobSettings() {
      return JobSettings.defaults(Duration.ofSeconds(3));
    }

    @Bean
    BotInbox botInbox() {
      return new BotInbox() {
        @Override
        public void onMessage(
            UserRef u,
            ChatRef c,
            String m,
            String t,
            List<IncomingAttachment> a,
            ReplyTarget replyTo) {}

        @Override
        public void onCommand(ChatRequest request) {}

        @Override
        public void onButton(UserRef u, ChatRef c, String m, ButtonAction a, String j) {}
      };
    }
  }
}
