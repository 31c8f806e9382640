package com.seedancebot.app.web.playground;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;

/**
 * Turns failures of {@link PlaygroundController} into {@code {"error": "..."}} answers with a 4xx
 * or 5xx status. Messages name what was wrong; internals stay in the log.
 */
@ConditionalOnPlayground
@RestControllerAdvice(assignableTypes = PlaygroundController.class)
public class PlaygroundErrors {

  private static final Logger LOG = LoggerFactory.getLogger(PlaygroundErrors.class);

  /** The body of every playground error. */
  public record ApiError(String error) {}

  @ExceptionHandler(PlaygroundRequestException.class)
  ResponseEntity<ApiError> refused(PlaygroundRequestException e) {
    HttpStatus status =
        switch (e.reason()) {
          case BAD_REQUEST -> HttpStatus.BAD_REQUEST;
          case NOT_FOUND -> HttpStatus.NOT_FOUND;
          case TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
          case BUSY -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    return ResponseEntity.status(status).body(new ApiError(e.getMessage()));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ApiError> tooLarge(MaxUploadSizeExceededException e) {
    return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
        .body(new ApiError("the attached files are too large"));
  }

  @ExceptionHandler({
    HttpMessageNotReadableException.class,
    HttpMediaTypeException.class,
    MultipartException.class
  })
  ResponseEntity<ApiError> unreadable(Exception e) {
    return ResponseEntity.badRequest().body(new ApiError("the request could not be read"));
  }

  @ExceptionHandler(RuntimeException.class)
  ResponseEntity<ApiError> failed(RuntimeException e) {
    LOG.error("Playground request failed", e);
    return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR)
        .body(new ApiError("something went wrong; please try again"));
  }
}
