package com.seedancebot.core.asset;

import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.MediaKind;
import java.util.Objects;

/**
 * What {@link MediaInspector} concluded about a file: either a media file Seedance accepts, with
 * its kind and properties, or a reason why it cannot be used.
 */
public sealed interface MediaInspection {

  /**
   * A file of a format Seedance accepts (jpeg, png, webp, bmp, tiff, gif images; mp4, mov videos;
   * wav, mp3 audio). Its properties are not yet checked against a model's limits.
   */
  record Supported(MediaKind kind, MediaInfo info) implements MediaInspection {
    public Supported {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(info, "info");
    }
  }

  /**
   * A file that cannot be used.
   *
   * @param reason why
   * @param detectedMimeType the format recognised from the content, when there is one (e.g. {@code
   *     video/webm}), else null
   * @param detail a short English explanation for logs (user texts come from the message bundles)
   */
  record Unsupported(Reason reason, String detectedMimeType, String detail)
      implements MediaInspection {
    public Unsupported {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** Why a file cannot be used. */
  enum Reason {
    /** The content is no image, video or audio format the bot recognises (text, an archive …). */
    UNRECOGNIZED,
    /** A media format Seedance does not take (WebM, HEIC, AVIF, Ogg, FLAC, AAC, M4A, AVI …). */
    FORMAT_NOT_ACCEPTED,
    /** It starts like an accepted format but cannot be read (truncated or corrupt). */
    DAMAGED
  }
}
