package com.seedancebot.core.bot;

import com.seedancebot.core.request.MediaInput;
import com.seedancebot.core.request.MediaKind;
import com.seedancebot.core.request.MediaRole;
import com.seedancebot.core.request.MediaSource;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides what each attachment is for when the user did not say (DESIGN.md, "Inputs"): one image is
 * the first frame, two images are the first and last frame, more images — or {@code --ref} — are
 * reference images; videos and audio are always references. A role the user chose explicitly (a
 * Discord option) wins. {@code asset://} ids from {@code --asset} are reference images.
 */
public final class MediaRoles {
  private MediaRoles() {}

  public static List<MediaInput> assign(
      List<AttachmentIntake.Stored> stored, List<String> assetIds, boolean asReferences) {
    List<AttachmentIntake.Stored> unhinted =
        stored.stream().filter(s -> s.kind() == MediaKind.IMAGE && s.roleHint() == null).toList();
    boolean refs = asReferences || unhinted.size() > 2;
    List<MediaInput> media = new ArrayList<>();
    int imageIndex = 0;
    for (AttachmentIntake.Stored s : stored) {
      MediaRole role;
      if (s.roleHint() != null) {
        role = s.roleHint();
      } else if (s.kind() != MediaKind.IMAGE || refs) {
        role = MediaRole.REFERENCE;
      } else {
        role = imageIndex++ == 0 ? MediaRole.FIRST_FRAME : MediaRole.LAST_FRAME;
      }
      media.add(new MediaInput(role, s.kind(), new MediaSource.Stored(s.assetId()), s.info()));
    }
    for (String asset : assetIds) {
      media.add(
          new MediaInput(
              MediaRole.REFERENCE, MediaKind.IMAGE, new MediaSource.ProviderAsset(asset), null));
    }
    return media;
  }
}
