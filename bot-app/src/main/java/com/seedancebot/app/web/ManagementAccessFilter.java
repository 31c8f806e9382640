package com.seedancebot.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Guards the actuator endpoints with {@code BOT_MANAGEMENT_TOKEN}. A caller presenting it ({@code
 * Authorization: Bearer <token>}) is an authorised operator: health shows its components and their
 * details ({@code management.endpoint.health.show-details=when-authorized}) and every exposed
 * endpoint answers. Anyone else gets health's bare status, {@code {"status":"UP"}} (load balancers
 * and orchestrators need it; not even the names of the health groups are shown), and {@code 401}
 * from every other endpoint, {@code /actuator/prometheus} included. Without a token nothing else is
 * guarded and nobody is authorised: metrics are open and health details hidden. Applies to the
 * application's port; a separate {@code MANAGEMENT_SERVER_PORT} is left to the network.
 */
public class ManagementAccessFilter extends OncePerRequestFilter {

  private static final Principal OPERATOR = () -> "operator";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final BearerToken token;
  private final String basePath;

  /**
   * @param token the operator's token, or null when none is configured
   * @param basePath the actuator's base path, e.g. {@code /actuator}
   */
  public ManagementAccessFilter(BearerToken token, String basePath) {
    this.token = token;
    this.basePath = basePath;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (token != null && token.presentedIn(request.getHeader(HttpHeaders.AUTHORIZATION))) {
      chain.doFilter(new OperatorRequest(request), response);
    } else if (path(request).equals(basePath + "/health")) {
      bareStatus(request, response, chain);
    } else if (token == null || isHealth(request)) {
      chain.doFilter(request, response);
    } else {
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"management\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
    }
  }

  /** Answers with the health endpoint's HTTP status and only its {@code status} field. */
  private static void bareStatus(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    ContentCachingResponseWrapper health = new ContentCachingResponseWrapper(response);
    chain.doFilter(request, health);
    JsonNode answer;
    try {
      answer = JSON.readTree(health.getContentAsByteArray());
    } catch (JacksonException notJson) {
      health.copyBodyToResponse();
      return;
    }
    byte[] bare =
        JSON.writeValueAsBytes(Map.of("status", answer.path("status").asString("UNKNOWN")));
    response.setContentLength(bare.length);
    response.getOutputStream().write(bare);
  }

  private boolean isHealth(HttpServletRequest request) {
    String path = path(request);
    String health = basePath + "/health";
    return path.equals(health) || path.startsWith(health + "/");
  }

  private static String path(HttpServletRequest request) {
    return request.getRequestURI().substring(request.getContextPath().length());
  }

  /** The request of an authorised operator, as the actuator's security context reads it. */
  private static final class OperatorRequest extends HttpServletRequestWrapper {
    OperatorRequest(HttpServletRequest request) {
      super(request);
    }

    @Override
    public Principal getUserPrincipal() {
      return OPERATOR;
    }

    @Override
    public String getRemoteUser() {
      return OPERATOR.getName();
    }

    @Override
    public boolean isUserInRole(String role) {
      return true;
    }
  }

  /** Registers the filter for the actuator's paths. */
  @Configuration(proxyBeanMethods = false)
  static class Registration {
    @Bean
    FilterRegistrationBean<ManagementAccessFilter> managementAccessFilter(
        @Value("${bot.management-token:}") String token,
        @Value("${management.endpoints.web.base-path:/actuator}") String basePath) {
      var filter =
          new ManagementAccessFilter(token.isBlank() ? null : new BearerToken(token), basePath);
      var registration = new FilterRegistrationBean<>(filter);
      registration.addUrlPatterns(basePath + "/*", basePath);
      return registration;
    }
  }
}
