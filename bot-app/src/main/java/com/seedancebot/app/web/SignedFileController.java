package com.seedancebot.app.web;

import com.seedancebot.core.asset.AssetIds;
import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.SignedUrls;
import java.io.IOException;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves stored files (attachments for providers, result videos and last frames for users) at
 * signed, expiring URLs: {@code GET /files/{assetId}?exp=…&sig=…}. A missing, tampered or expired
 * signature gets 403 with no hint whether the file exists. The file streams from the asset store,
 * so with a shared store any instance serves any link. Range requests are honoured (video players
 * seek with them), each read from its first byte on.
 */
@RestController
public class SignedFileController {

  private static final Logger log = LoggerFactory.getLogger(SignedFileController.class);

  private final AssetStore assets;
  private final SignedUrls signedUrls;

  public SignedFileController(AssetStore assets, SignedUrls signedUrls) {
    this.assets = assets;
    this.signedUrls = signedUrls;
  }

  @GetMapping("/files/{assetId}")
  public ResponseEntity<Resource> file(
      @PathVariable String assetId,
      @RequestParam(name = "exp", required = false) Long exp,
      @RequestParam(name = "sig", required = false) String sig) {
    if (exp == null || sig == null || !signedUrls.verify(assetId, exp, sig)) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    OptionalLong size;
    try {
      size = assets.size(assetId);
    } catch (IOException e) {
      log.warn("Stored file {} cannot be looked up: {}", assetId, e.toString());
      return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).build();
    }
    if (size.isEmpty()) {
      return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
    }
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(AssetIds.contentType(assetId)))
        .cacheControl(CacheControl.noStore())
        .body(new StoredAssetResource(assets, assetId, size.getAsLong()));
  }
}
