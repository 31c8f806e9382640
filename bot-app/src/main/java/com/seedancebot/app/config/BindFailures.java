package com.seedancebot.app.config;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.OriginTrackedValue;
import org.springframework.boot.origin.SystemEnvironmentOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.util.unit.DataSize;

/**
 * Turns a failure to read a setting into an {@link InvalidSettingException} naming what the
 * operator set: the environment variable the value came from (directly, or through a {@code
 * ${VARIABLE:default}} placeholder in {@code application.yml}), else the property. The message says
 * what kind of value is expected; values of settings that may be secret are never repeated.
 */
final class BindFailures {

  private static final Pattern PLACEHOLDER = Pattern.compile("^\\$\\{([A-Za-z][A-Za-z0-9_]*)");
  private static final Pattern SECRET = Pattern.compile("(?i).*(key|token|secret|password).*");

  private BindFailures() {}

  static InvalidSettingException explain(ConfigurableEnvironment environment, BindException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InvalidSettingException invalid) {
        return invalid;
      }
    }
    String name = e.getName().toString();
    ConfigurationProperty property = e.getProperty();
    String setting = settingOf(environment, property, name);
    if (property == null) {
      Throwable root = e;
      while (root.getCause() != null) {
        root = root.getCause();
      }
      return new InvalidSettingException(setting, "is invalid: " + root.getMessage());
    }
    Class<?> type = e.getTarget().getType().resolve(Object.class);
    String value =
        SECRET.matcher(setting).matches() ? "" : "is '" + property.getValue() + "', which ";
    return new InvalidSettingException(setting, value + expected(type));
  }

  private static String expected(Class<?> type) {
    if (type == Duration.class) {
      return "is not a duration: write it like 3s, 500ms or 2m";
    }
    if (type == DataSize.class) {
      return "is not a size: write it like 50MB or 2GB";
    }
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "is not a whole number";
    }
    if (type == Double.class || type == double.class) {
      return "is not a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "is not true or false";
    }
    if (type == URI.class) {
      return "is not a URL";
    }
    return "cannot be read as " + type.getSimpleName().toLowerCase(Locale.ROOT);
  }

  /** The environment variable (or property) the operator set for {@code name}. */
  static String settingOf(
      ConfigurableEnvironment environment, ConfigurationProperty property, String name) {
    for (Origin o = property == null ? null : property.getOrigin(); o != null; o = o.getParent()) {
      if (o instanceof SystemEnvironmentOrigin env) {
        return env.getProperty();
      }
    }
    for (PropertySource<?> source : environment.getPropertySources()) {
      if (source.getName().equals("configurationProperties")) {
        continue; // a view of the others
      }
      Object raw = source.getProperty(name);
      if (raw == null) {
        continue;
      }
      if (OriginLookup.getOrigin(source, name) instanceof SystemEnvironmentOrigin env) {
        return env.getProperty(); // BOT_X set directly (relaxed binding)
      }
      Object value = raw instanceof OriginTrackedValue tracked ? tracked.getValue() : raw;
      Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(value));
      return placeholder.find() ? placeholder.group(1) : name;
    }
    return name;
  }
}
