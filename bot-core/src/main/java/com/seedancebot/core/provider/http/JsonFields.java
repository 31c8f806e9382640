package com.seedancebot.core.provider.http;

import tools.jackson.databind.JsonNode;

/**
 * Lenient readers for provider JSON: absent, {@code null} or wrongly typed fields read as null
 * rather than throwing, because providers add, drop and retype fields.
 */
public final class JsonFields {

  private JsonFields() {}

  /** A string (or a number/boolean rendered as text), or null. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull() || v.isContainer()) {
      return null;
    }
    String s = v.asString();
    return s.isEmpty() ? null : s;
  }

  /** An integral number (or a numeric string), or null. */
  public static Long longValue(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.asLong();
    }
    if (v.isString()) {
      try {
        return (long) Double.parseDouble(v.stringValue().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** A number (or a numeric string), or null. */
  public static Double doubleValue(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isString()) {
      try {
        return Double.parseDouble(v.stringValue().strip());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }
}
