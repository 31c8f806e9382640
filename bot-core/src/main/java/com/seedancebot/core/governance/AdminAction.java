package com.seedancebot.core.governance;

/** The admin actions the audit trail records. */
public enum AdminAction {
  BLOCK,
  UNBLOCK,
  PAUSE,
  RESUME,
  QUOTA
}
