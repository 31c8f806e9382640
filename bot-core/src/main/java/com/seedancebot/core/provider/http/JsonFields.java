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

  /**
   * A result URL from a provider's task body, or null when absent; a value that is no URI is a
   * malformed response (transient: the next poll may be fine).
   */
  public static java.net.URI resultUrl(String value, String family) {
    if (value == null) {
      return null;
    }
    try {
      return new java.net.URI(value);
    } catch (java.net.URISyntaxException e) {
      throw malformed(family, "result URL is not a URI", e);
    }
  }

  /** A provider answer the bot cannot read: transient, code {@code MalformedResponse}. */
  public static com.seedancebot.core.provider.ProviderException malformed(
      String family, String detail, Throwable cause) {
    return new com.seedancebot.core.provider.ProviderException(
        com.seedancebot.core.provider.ProviderException.Kind.TRANSIENT,
        "MalformedResponse",
        family + ": malformed task (" + detail + ")",
        cause);
  }
}
