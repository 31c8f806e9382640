package com.seedancebot.core.asset;

import com.seedancebot.core.asset.MediaInspection.Reason;
import com.seedancebot.core.asset.MediaInspection.Unsupported;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way the probes give up on a file they cannot read: a {@link Reason#DAMAGED} answer, and a
 * WARN log line that names the file (as the sender named it, when known) and says why, with the
 * exception and its stack trace when there was one, so that a bug in a parser cannot pass for a
 * broken upload unnoticed. Stateless.
 */
final class DamagedMedia {

  private static final Logger log = LoggerFactory.getLogger(MediaInspector.class);

  private DamagedMedia() {}

  /**
   * Logs and answers {@link Reason#DAMAGED}.
   *
   * @param label the file as logs should name it (its declared name, else its local name)
   * @param format what the content looked like
   * @param detail why it cannot be read, in English
   * @param cause the exception that showed it, or null
   */
  static Unsupported because(String label, MediaFormat format, String detail, Throwable cause) {
    if (cause == null) {
      log.warn("Cannot read {} ({}): {}", label, format.mimeType(), detail);
    } else {
      log.warn("Cannot read {} ({}): {}", label, format.mimeType(), detail, cause);
    }
    return new Unsupported(Reason.DAMAGED, format.mimeType(), detail);
  }
}
