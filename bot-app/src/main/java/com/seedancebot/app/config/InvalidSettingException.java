package com.seedancebot.app.config;

import java.util.Objects;

/**
 * A setting that stops the bot from starting: its message is one line that names the setting (the
 * environment variable an operator sets, e.g. {@code SEEDANCE_PROVIDER}) and says how to fix it,
 * and never shows a secret. {@link InvalidSettingFailureAnalyzer} prints it instead of a stack
 * trace.
 */
public class InvalidSettingException extends IllegalStateException {

  private final String setting;

  /**
   * @param setting the environment variable (or, for settings only a file sets, the property)
   * @param problemAndFix what is wrong and what to do, e.g. {@code "is 'x', which is not a
   *     provider: set it to ark"}
   */
  public InvalidSettingException(String setting, String problemAndFix) {
    super(Objects.requireNonNull(setting, "setting") + " " + problemAndFix);
    this.setting = setting;
  }

  /** The setting at fault. */
  public String setting() {
    return setting;
  }
}
