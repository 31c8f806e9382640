package com.seedancebot.core.asset;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;
import org.mp4parser.BoxParser;
import org.mp4parser.PropertyBoxParserImpl;

/**
 * isoparser's table of box types (which class parses {@code moov}, {@code trak} …), read once
 * through the bot's own class loader, and box parsers built on it.
 *
 * <p>isoparser's no-argument {@link PropertyBoxParserImpl} reads the table with {@code
 * ClassLoader.getSystemResourceAsStream}, which finds nothing when the application runs from the
 * packaged (nested) Spring Boot jar: every MP4 then fails with a {@link NullPointerException}. This
 * class avoids that. Thread-safe: the table is only read after construction; each call to {@link
 * #parserSkipping} returns a new parser, because isoparser's parsers are not thread-safe.
 */
final class IsoBoxTypes {

  /** The resource in isoparser's jar that maps box types to parser classes. */
  static final String RESOURCE = "isoparser2-default.properties";

  private final Properties table;

  /**
   * Loads the table with the given class loader.
   *
   * @throws IllegalStateException when the loader cannot find or read the table (a broken build)
   */
  IsoBoxTypes(ClassLoader loader) {
    Objects.requireNonNull(loader, "loader");
    try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " (isoparser's box table) is not on the class path");
      }
      Properties loaded = new Properties();
      loaded.load(in);
      this.table = loaded;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  /** Loads the table through the class loader that loaded isoparser's classes for this bot. */
  IsoBoxTypes() {
    this(IsoBoxTypes.class.getClassLoader());
  }

  /** How many box types the table knows (for checks). */
  int size() {
    return table.size();
  }

  /** A new parser that skips, by seeking, the boxes of the given types. */
  BoxParser parserSkipping(String... boxTypes) {
    return new PropertyBoxParserImpl(table).skippingBoxes(boxTypes);
  }
}
