package com.seedancebot.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The seedance-bot Spring Boot application: wires the core, the adapters and the web endpoints. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SeedanceBotApplication {
  public static void main(String[] args) {
    SpringApplication.run(SeedanceBotApplication.class, args);
  }
}
