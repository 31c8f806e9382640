package com.seedancebot.app.web.playground;

import com.seedancebot.core.chat.IncomingAttachment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.web.multipart.MultipartFile;

/**
 * Files a person attached in the playground, copied out of the HTTP request into temporary files so
 * that the core can read them after the request has been answered. {@link #close()} deletes them;
 * it is called once the core has handled the message (the core stores what it keeps).
 */
final class StagedUploads implements AutoCloseable {

  private final List<Path> files;
  private final List<IncomingAttachment> attachments;

  private StagedUploads(List<Path> files, List<IncomingAttachment> attachments) {
    this.files = List.copyOf(files);
    this.attachments = List.copyOf(attachments);
  }

  static StagedUploads none() {
    return new StagedUploads(List.of(), List.of());
  }

  /** Copies every non-empty upload into its own temporary file. */
  static StagedUploads stage(List<MultipartFile> uploads) {
    List<Path> files = new ArrayList<>();
    List<IncomingAttachment> attachments = new ArrayList<>();
    try {
      for (MultipartFile upload : uploads) {
        Path file = Files.createTempFile("playground-", ".upload");
        files.add(file);
        try (var in = upload.getInputStream()) {
          Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        attachments.add(
            new IncomingAttachment(
                upload.getOriginalFilename(),
                upload.getContentType(),
                upload.getSize(),
                null,
                () -> Files.newInputStream(file)));
      }
    } catch (IOException e) {
      new StagedUploads(files, List.of()).close();
      throw new UncheckedIOException("could not stage an upload", e);
    }
    return new StagedUploads(files, attachments);
  }

  List<IncomingAttachment> attachments() {
    return attachments;
  }

  List<String> names() {
    return attachments.stream().map(IncomingAttachment::fileName).toList();
  }

  @Override
  public void close() {
    for (Path file : files) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        file.toFile().deleteOnExit(); // best effort: a temp file, not user data
      }
    }
  }
}
