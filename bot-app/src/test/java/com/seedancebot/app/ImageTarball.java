package com.seedancebot.app;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A container image as {@code jib:buildTar} writes it, the tar that {@code docker load} and {@code
 * podman load} read: its tags, its configuration (the JSON an engine runs the container from) and
 * the files its layers put into the container's file system, later layers over earlier ones.
 * Immutable once read; the bytes of files up to {@value #KEPT_CONTENT} bytes are kept.
 */
final class ImageTarball {

  private static final int KEPT_CONTENT = 64 * 1024;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One file or directory of the container's file system, as a layer sets it. */
  record FileEntry(String path, boolean directory, int mode, long uid, long gid, byte[] content) {}

  private final List<String> tags;
  private final JsonNode config;
  private final Map<String, FileEntry> files;

  private ImageTarball(List<String> tags, JsonNode config, Map<String, FileEntry> files) {
    this.tags = tags;
    this.config = config;
    this.files = files;
  }

  /** Reads the image tar at {@code tar}. */
  static ImageTarball read(Path tar) throws IOException {
    Map<String, byte[]> jsonFiles = new HashMap<>();
    Map<String, List<FileEntry>> layers = new HashMap<>();
    try (var in = new TarArchiveInputStream(Files.newInputStream(tar))) {
      for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().endsWith(".json")) {
          jsonFiles.put(e.getName(), in.readAllBytes());
        } else if (e.getName().endsWith(".tar.gz")) {
          layers.put(e.getName(), layerFiles(in));
        }
      }
    }
    JsonNode manifest = JSON.readTree(jsonFiles.get("manifest.json")).get(0);
    List<String> tags = new ArrayList<>();
    manifest.path("RepoTags").forEach(t -> tags.add(t.asString()));
    Map<String, FileEntry> files = new LinkedHashMap<>();
    for (JsonNode layer : manifest.path("Layers")) {
      layers.get(layer.asString()).forEach(f -> files.put(f.path(), f));
    }
    JsonNode config = JSON.readTree(jsonFiles.get(manifest.path("Config").asString()));
    return new ImageTarball(List.copyOf(tags), config.path("config"), files);
  }

  /** The entries of one gzip-compressed layer, read from the outer tar's current entry. */
  private static List<FileEntry> layerFiles(InputStream layer) throws IOException {
    List<FileEntry> files = new ArrayList<>();
    // not closed: closing would close the outer tar
    var in = new TarArchiveInputStream(new GZIPInputStream(layer));
    for (TarArchiveEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
      byte[] content = e.isFile() && e.getSize() <= KEPT_CONTENT ? in.readAllBytes() : null;
      String path = "/" + e.getName().replaceAll("/+$", "");
      files.add(
          new FileEntry(
              path, e.isDirectory(), e.getMode(), e.getLongUserId(), e.getLongGroupId(), content));
    }
    return files;
  }

  /** The names the image is loaded under, e.g. {@code seedance-bot:latest}. */
  List<String> tags() {
    return tags;
  }

  /** The configuration an engine runs the container with: {@code Entrypoint}, {@code User} … */
  JsonNode config() {
    return config;
  }

  /** The file or directory at the absolute {@code path} in the container. */
  Optional<FileEntry> file(String path) {
    return Optional.ofNullable(files.get(path.replaceAll("/+$", "")));
  }

  /** The text of the (small) file at {@code path}; fails when the image has no such file. */
  String text(String path) {
    FileEntry file = file(path).orElseThrow(() -> new AssertionError("no " + path + " in image"));
    return new String(file.content(), StandardCharsets.UTF_8);
  }
}
