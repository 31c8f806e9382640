package com.seedancebot.discord;

import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaRole;

/**
 * The attachment options of {@code /video}: each typed option names the role the user chose and the
 * kind of file it takes. Order is the order attachments are handed to the core.
 */
public enum AttachmentSlot {
  IMAGE("image", MediaRole.FIRST_FRAME, MediaKind.IMAGE),
  LAST_FRAME("last_frame", MediaRole.LAST_FRAME, MediaKind.IMAGE),
  REF1("ref1", MediaRole.REFERENCE, MediaKind.IMAGE),
  REF2("ref2", MediaRole.REFERENCE, MediaKind.IMAGE),
  REF3("ref3", MediaRole.REFERENCE, MediaKind.IMAGE),
  REFERENCE_VIDEO("reference_video", MediaRole.REFERENCE, MediaKind.VIDEO),
  REFERENCE_AUDIO("reference_audio", MediaRole.REFERENCE, MediaKind.AUDIO);

  private final String optionName;
  private final MediaRole role;
  private final MediaKind kind;

  AttachmentSlot(String optionName, MediaRole role, MediaKind kind) {
    this.optionName = optionName;
    this.role = role;
    this.kind = kind;
  }

  /** The slash-command option name. */
  public String optionName() {
    return optionName;
  }

  /** The role the core receives as {@code roleHint}. */
  public MediaRole role() {
    return role;
  }

  /** The kind of file the option takes. */
  public MediaKind kind() {
    return kind;
  }
}
