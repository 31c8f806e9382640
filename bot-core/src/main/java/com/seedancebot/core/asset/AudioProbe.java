package com.seedancebot.core.asset;

import com.seedancebot.core.asset.MediaInspection.Supported;
import com.seedancebot.core.request.MediaInfo;
import com.seedancebot.core.request.MediaKind;
import java.io.IOException;
import java.nio.file.Path;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.jaudiotagger.audio.exceptions.InvalidAudioFrameException;
import org.jaudiotagger.audio.mp3.MP3AudioHeader;

/**
 * Reads the duration of WAV files ({@code javax.sound.sampled}: frames / frame rate) and MP3 files
 * (jaudiotagger: the frame count of a Xing/VBRI header, else file size / bitrate for constant bit
 * rate files). Stateless.
 */
final class AudioProbe {

  MediaInspection probe(Path file, String label, MediaFormat format, long size) throws IOException {
    return switch (format) {
      case WAV -> wav(file, label, size);
      case MP3 -> mp3(file, label, size);
      default -> throw new IllegalArgumentException("not an audio format: " + format);
    };
  }

  private static MediaInspection wav(Path file, String label, long size) throws IOException {
    try {
      AudioFileFormat wav = AudioSystem.getAudioFileFormat(file.toFile());
      float frameRate = wav.getFormat().getFrameRate();
      Double seconds =
          wav.getFrameLength() > 0 && frameRate > 0
              ? wav.getFrameLength() / (double) frameRate
              : null;
      return new Supported(MediaKind.AUDIO, audio(MediaFormat.WAV, size, seconds));
    } catch (UnsupportedAudioFileException e) {
      return DamagedMedia.because(label, MediaFormat.WAV, "unreadable WAV: " + e, e);
    }
  }

  private static MediaInspection mp3(Path file, String label, long size) throws IOException {
    try {
      MP3AudioHeader mp3 = new MP3AudioHeader(file.toFile());
      return new Supported(
          MediaKind.AUDIO, audio(MediaFormat.MP3, size, mp3.getPreciseTrackLength()));
    } catch (InvalidAudioFrameException e) {
      return DamagedMedia.because(label, MediaFormat.MP3, "unreadable MP3: " + e, e);
    }
  }

  private static MediaInfo audio(MediaFormat format, long size, Double seconds) {
    return new MediaInfo(format.mimeType(), size, null, null, seconds, null);
  }
}
