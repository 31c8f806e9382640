package com.seedancebot.app.web.playground;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Guards every {@code /api/playground/*} request with {@link PlaygroundAccess}: a request without
 * the access token is answered {@code 401} with {@code {"error": "..."}} and a {@code
 * WWW-Authenticate: Bearer} header before anything is read, stored or handed to the bot.
 */
public class PlaygroundAccessFilter extends OncePerRequestFilter {

  static final String UNAUTHORIZED_BODY =
      "{\"error\":\"this playground needs its access token (ask the bot's operator)\"}";

  private final PlaygroundAccess access;

  public PlaygroundAccessFilter(PlaygroundAccess access) {
    this.access = access;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (access.admits(request.getHeader(HttpHeaders.AUTHORIZATION))) {
      chain.doFilter(request, response);
      return;
    }
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"playground\"");
    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
    response.getOutputStream().write(UNAUTHORIZED_BODY.getBytes(StandardCharsets.UTF_8));
  }

  /** Registers the filter for the playground's API paths. */
  @ConditionalOnPlayground
  @Configuration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    FilterRegistrationBean<PlaygroundAccessFilter> playgroundAccessFilter(PlaygroundAccess access) {
      var registration = new FilterRegistrationBean<>(new PlaygroundAccessFilter(access));
      registration.addUrlPatterns("/api/playground/*");
      return registration;
    }
  }
}
