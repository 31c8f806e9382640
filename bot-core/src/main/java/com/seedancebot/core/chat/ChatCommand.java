package com.seedancebot.core.chat;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** A parsed bot command, the same on every chat surface (DESIGN.md, "Commands"). */
public sealed interface ChatCommand {

  /**
   * {@code /video <prompt> [options]}. As a reply to a video the prompt is an instruction that
   * edits it, or with {@code extend} ({@code --extend}) says how it goes on.
   */
  record Video(String prompt, VideoOptions options, boolean extend) implements ChatCommand {
    public Video {
      prompt = prompt == null ? "" : prompt.strip();
      options = options == null ? VideoOptions.none() : options;
    }

    /** A video that extends nothing. */
    public Video(String prompt, VideoOptions options) {
      this(prompt, options, false);
    }
  }

  /**
   * {@code /story <scene> | <scene> … [options]}: a storyboard, the options applying to every
   * scene. The scenes are as typed (the core checks how many there may be).
   */
  record Story(List<String> scenes, VideoOptions options) implements ChatCommand {
    public Story {
      scenes =
          scenes == null
              ? List.of()
              : scenes.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
      options = options == null ? VideoOptions.none() : options;
    }
  }

  /** {@code /jobs}: the caller's recent and running jobs. */
  record Jobs() implements ChatCommand {}

  /** {@code /cancel <job>}. */
  record Cancel(String jobId) implements ChatCommand {
    public Cancel {
      Objects.requireNonNull(jobId, "jobId");
    }
  }

  /** {@code /show <job>}: a job's card with its video and buttons. */
  record Show(String jobId) implements ChatCommand {
    public Show {
      Objects.requireNonNull(jobId, "jobId");
    }
  }

  /**
   * {@code /history [page | words]}: the caller's finished videos in this chat, newest first.
   *
   * @param page 1-based page
   * @param words words every listed prompt contains (case-insensitive), or empty for all
   */
  record History(int page, String words) implements ChatCommand {
    public History {
      page = Math.max(1, page);
      words = words == null ? "" : words.strip();
    }
  }

  /** {@code /quota}. */
  record Quota() implements ChatCommand {}

  /** {@code /models}. */
  record Models() implements ChatCommand {}

  /** {@code /settings [options]}: per-chat defaults; no options shows the current ones. */
  record Settings(VideoOptions defaults) implements ChatCommand {}

  /** {@code /help}. */
  record Help() implements ChatCommand {}

  /**
   * {@code /admin <action> [args]}: governance for chat admins and operators.
   *
   * @param action the first word, lowercase ({@code block}, {@code pause}, ...), or empty
   * @param args the words after it
   */
  record Admin(String action, List<String> args) implements ChatCommand {
    public Admin {
      action = action == null ? "" : action.strip().toLowerCase(Locale.ROOT);
      args = args == null ? List.of() : List.copyOf(args);
    }
  }
}
