package com.seedancebot.core.job;

import com.seedancebot.core.chat.ChatRef;
import com.seedancebot.core.chat.Platform;
import com.seedancebot.core.chat.UserRef;
import com.seedancebot.core.request.GenerationRequest;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The job rows tests store: a 4 s 720p text-to-video job of user u1 (Ann) on the playground. */
final class TestJobs {
  private TestJobs() {}

  /** The job as accepted at {@code now}, asked in chat {@code chatId}. */
  static Job accepted(String id, String chatId, Instant now) {
    var request =
        new GenerationRequest(
            "doubao-seedance-2-0-260128",
            "a red fox running in snow",
            4,
            "16:9",
            "720p",
            true,
            null,
            false,
            false,
            false,
            List.of());
    var owner = new UserRef(Platform.PLAYGROUND, "u1", "Ann", Locale.ENGLISH, false);
    return Job.accepted(
        id, owner, ChatRef.of(Platform.PLAYGROUND, chatId), "m1", request, 87300, now);
  }
}
