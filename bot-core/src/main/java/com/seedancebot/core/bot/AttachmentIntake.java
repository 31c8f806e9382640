package com.seedancebot.core.bot;

import com.seedancebot.core.asset.AssetIds;
import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.MediaInspection;
import com.seedancebot.core.asset.MediaInspector;
import com.seedancebot.core.chat.IncomingAttachment;
import com.seedancebot.core.job.JobTelemetry;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaRole;
import com.seedancebot.core.request.ValidationProblem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Re-hosts a request's attachments: checks the declared size before downloading, streams each file
 * into a temporary file (never more than the limit), inspects its real type and properties from the
 * content, and stores it in the {@link AssetStore}. Returns the stored files or every problem
 * found; a failed download never shows the platform's URL (it may carry a secret).
 */
public final class AttachmentIntake {

  private static final Logger log = LoggerFactory.getLogger(AttachmentIntake.class);

  /** A stored attachment: its asset id, what it is, and the role the user chose, if any. */
  public record Stored(String assetId, MediaKind kind, MediaInfo info, MediaRole roleHint) {}

  /** The outcome: stored files, or the problems to show. */
  public record Result(List<Stored> stored, List<ValidationProblem> problems) {}

  private final AssetStore assets;
  private final MediaInspector inspector;
  private final long maxBytes;
  private final JobTelemetry telemetry;

  public AttachmentIntake(
      AssetStore assets, MediaInspector inspector, long maxBytes, JobTelemetry telemetry) {
    this.assets = assets;
    this.inspector = inspector;
    this.maxBytes = maxBytes;
    this.telemetry = telemetry;
  }

  public Result take(List<IncomingAttachment> attachments) {
    List<Stored> stored = new ArrayList<>();
    List<ValidationProblem> problems = new ArrayList<>();
    for (IncomingAttachment a : attachments) {
      if (a.declaredSize() > maxBytes) {
        problems.add(
            ValidationProblem.of(
                "attachment.too_large", a.fileName(), mb(a.declaredSize()), mb(maxBytes)));
        continue;
      }
      try {
        take(a, stored, problems);
      } catch (IOException e) {
        log.warn(
            "Attachment {} could not be downloaded: {}",
            a.fileName(),
            e.getClass().getSimpleName());
        problems.add(ValidationProblem.of("attachment.download_failed", a.fileName()));
      }
    }
    return new Result(stored, problems);
  }

  private void take(IncomingAttachment a, List<Stored> stored, List<ValidationProblem> problems)
      throws IOException {
    Path tmp = Files.createTempFile("seedance-attachment-", ".part");
    try {
      long copied;
      try (InputStream in = a.content().open()) {
        copied = copyAtMost(in, tmp, maxBytes);
        if (copied > maxBytes) {
          problems.add(
              ValidationProblem.of("attachment.too_large", a.fileName(), mb(copied), mb(maxBytes)));
          return;
        }
      }
      MediaInspection inspection = inspector.inspect(tmp, a.fileName(), a.declaredMimeType());
      if (inspection instanceof MediaInspection.Supported ok) {
        String id = assets.adopt(tmp, AssetIds.extensionFor(ok.info().mimeType()));
        telemetry.stored(JobTelemetry.Stored.ATTACHMENT, copied);
        stored.add(new Stored(id, ok.kind(), ok.info(), a.roleHint()));
      } else if (inspection instanceof MediaInspection.Unsupported refused
          && refused.reason() == MediaInspection.Reason.DAMAGED) {
        problems.add(ValidationProblem.of("attachment.damaged", a.fileName()));
      } else {
        problems.add(ValidationProblem.of("attachment.unsupported", a.fileName()));
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Copies up to {@code limit + 1} bytes and returns how many were copied. */
  private static long copyAtMost(InputStream in, Path target, long limit) throws IOException {
    try (var out = Files.newOutputStream(target)) {
      byte[] buffer = new byte[64 * 1024];
      long total = 0;
      int n;
      while ((n = in.read(buffer)) >= 0) {
        total += n;
        if (total > limit) {
          return total;
        }
        out.write(buffer, 0, n);
      }
      return total;
    }
  }

  private static String mb(long bytes) {
    return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / 1_048_576.0);
  }
}
