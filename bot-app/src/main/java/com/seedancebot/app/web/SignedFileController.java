package com.seedancebot.app.web;

import com.seedancebot.core.asset.AssetStore;
import com.seedancebot.core.asset.SignedUrls;
import org.springframework.core.io.FileSystemResource;
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
 * signature gets 403 with no hint whether the file exists. Range requests are honoured (video
 * players seek with them).
 */
@RestController
public class SignedFileController {

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
    return assets
        .find(assetId)
        .<ResponseEntity<Resource>>map(
            path ->
                ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(AssetStore.contentType(assetId)))
                    .cacheControl(CacheControl.noStore())
                    .body(new FileSystemResource(path)))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.FORBIDDEN).build());
  }
}
