package com.seedancebot.core.provider.fake;

/** Why a fake refuses a create request: HTTP status, error code, offending parameter, text. */
record Rejection(int status, String code, String param, String message) {

  static Rejection invalid(String param, String message) {
    return new Rejection(
        400,
        "InvalidParameter",
        param,
        "The parameter `" + param + "` specified in the request is not valid: " + message);
  }

  static Rejection missing(String param) {
    return new Rejection(
        400,
        "MissingParameter",
        param,
        "The request failed because it is missing one or multiple required parameters: " + param);
  }
}
