package com.seedancebot.core.chat;

import com.seedancebot.core.chat.CommandTokenizer.Token;
import com.seedancebot.core.chat.OptionReader.Reading;
import com.seedancebot.core.request.ValidationProblem;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The text grammar of bot commands, shared by every chat surface (DESIGN.md, "Commands"): {@code
 * /video <prompt> [options]}, {@code /jobs}, {@code /cancel <job>}, {@code /quota}, {@code
 * /models}, {@code /settings [options]}, {@code /show <job>}, {@code /history [page | words]},
 * {@code /help} (and Telegram's {@code /start}, which shows the help). Command names are
 * case-insensitive; {@code /video@BotName} is accepted when the name is this bot's (or when the
 * bot's name is unknown) and is not a command when it names another bot.
 *
 * <p>{@code /cancel} takes its first word as the job id (a leading {@code #} is dropped); words
 * after the commands that take no arguments are ignored ({@code /start payload} shows the help).
 *
 * <p>Options may stand anywhere after the command; the remaining words, joined by single spaces,
 * are the prompt. A word in quotes is kept as typed and never read as an option; a prompt that is
 * one quoted span loses its quotes. Only the form of values is checked (a duration is a whole
 * number); whether the model accepts them is the request validator's job.
 *
 * <p>Problems are collected, not stopped at, with codes (looked up as {@code problem.<code>}):
 * {@code option.unknown} (typed, suggestion), {@code option.unknown_list} (typed, all options),
 * {@code option.missing_value} (option, example), {@code option.not_a_number} (option, typed,
 * example), {@code option.no_value} (option), {@code option.conflict} (option, first, second),
 * {@code cancel.missing_id}, {@code show.missing_id}, {@code settings.option_not_allowed} (option,
 * allowed options), {@code settings.unexpected_text} (text) and {@code command.unknown} (command,
 * and the known command it is close to, when one is: {@code /vidoe} → {@code /video}). An unknown
 * {@code /something} is {@link ParseResult.Malformed} with {@code command.unknown} alone, so a
 * private chat can answer "try /help"; a caller in a busy group may prefer to stay silent on that
 * code ({@link #isUnknownCommand}). Immutable and thread-safe; never throws for any text.
 */
public final class CommandParser {

  /** The code of an unknown {@code /something}. */
  public static final String UNKNOWN_COMMAND = "command.unknown";

  /** What {@code /settings} may set: DESIGN.md's per-chat defaults. */
  static final Set<VideoOption> SETTINGS_OPTIONS =
      EnumSet.of(
          VideoOption.MODEL,
          VideoOption.RATIO,
          VideoOption.RESOLUTION,
          VideoOption.DURATION,
          VideoOption.AUDIO,
          VideoOption.NO_AUDIO);

  private static final Pattern HEAD =
      Pattern.compile("[/／]([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]*))?(.*)", Pattern.DOTALL);

  /** Marks the end of a scene among a storyboard's words (never typed: a NUL character). */
  private static final Token SCENE_BREAK = new Token("\u0000", null);

  private final String botUsername;
  private final CommandTokenizer tokenizer = new CommandTokenizer();
  private final OptionReader optionReader = new OptionReader();

  /**
   * @param botUsername the bot's username without {@code @} (Telegram), or null when commands are
   *     never addressed to a bot by name (Discord, playground)
   */
  public CommandParser(String botUsername) {
    this.botUsername =
        botUsername == null || botUsername.isBlank()
            ? null
            : botUsername.strip().replaceFirst("^@", "");
  }

  /** Parses one chat message; {@code text} may be null. */
  public ParseResult parse(String text) {
    if (text == null) {
      return new ParseResult.NotACommand();
    }
    Matcher head = HEAD.matcher(text.strip());
    if (!head.matches() || !addressedToUs(head.group(2)) || !separated(head.group(3))) {
      return new ParseResult.NotACommand();
    }
    String name = head.group(1).toLowerCase(Locale.ROOT);
    List<Token> args = tokenizer.tokenize(head.group(3));
    return switch (name) {
      case "video" -> video(name, args);
      case "story" -> story(head.group(3));
      case "jobs" -> parsed(new ChatCommand.Jobs());
      case "cancel" -> cancel(name, args);
      case "show" -> show(name, args);
      case "history" -> history(args);
      case "quota" -> parsed(new ChatCommand.Quota());
      case "models" -> parsed(new ChatCommand.Models());
      case "settings" -> settings(name, args);
      case "help", "start" -> parsed(new ChatCommand.Help());
      case "admin" -> admin(args);
      default -> unknown(name);
    };
  }

  /** Whether a result is only "unknown command", which group chats may leave unanswered. */
  public static boolean isUnknownCommand(ParseResult result) {
    return result instanceof ParseResult.Malformed m
        && m.problems().size() == 1
        && m.problems().get(0).code().equals(UNKNOWN_COMMAND);
  }

  private boolean addressedToUs(String addressee) {
    return addressee == null
        || addressee.isEmpty()
        || botUsername == null
        || addressee.equalsIgnoreCase(botUsername);
  }

  /**
   * The command must end at a space or a non-ASCII character ({@code /video一只猫} is fine): {@code
   * /usr/bin} or {@code /video:} are not commands.
   */
  private static boolean separated(String rest) {
    if (rest.isEmpty()) {
      return true;
    }
    char c = rest.charAt(0);
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || c > 0x7F;
  }

  private ParseResult video(String name, List<Token> args) {
    Reading reading = optionReader.read(args);
    return result(
        name,
        new ChatCommand.Video(
            prompt(reading.words()),
            reading.options(),
            reading.used().contains(VideoOption.EXTEND)),
        reading.problems());
  }

  /**
   * {@code /story}: the scenes are separated by {@code |} or line breaks; options anywhere apply to
   * every scene.
   */
  private ParseResult story(String rest) {
    List<Token> tokens = new ArrayList<>();
    for (String part : rest.split("[|\n｜]")) {
      tokens.addAll(tokenizer.tokenize(part));
      tokens.add(SCENE_BREAK);
    }
    Reading reading = optionReader.read(tokens);
    List<String> scenes = new ArrayList<>();
    List<Token> scene = new ArrayList<>();
    for (Token t : reading.words()) {
      if (t == SCENE_BREAK) {
        if (!scene.isEmpty()) {
          scenes.add(prompt(scene));
        }
        scene = new ArrayList<>();
      } else {
        scene.add(t);
      }
    }
    return result("story", new ChatCommand.Story(scenes, reading.options()), reading.problems());
  }

  /** The scenes of a storyboard typed in one line, separated by {@code |} (Discord's option). */
  public static List<String> scenes(String text) {
    return text == null
        ? List.of()
        : new ChatCommand.Story(List.of(text.split("[|\n｜]")), null).scenes();
  }

  private static ParseResult unknown(String name) {
    ValidationProblem problem =
        CommandNames.closest(name)
            .map(known -> ValidationProblem.of(UNKNOWN_COMMAND, "/" + name, "/" + known))
            .orElse(ValidationProblem.of(UNKNOWN_COMMAND, "/" + name));
    return new ParseResult.Malformed(name, List.of(problem));
  }

  private ParseResult cancel(String name, List<Token> args) {
    if (args.isEmpty() || args.get(0).value().isBlank()) {
      return new ParseResult.Malformed(name, List.of(ValidationProblem.of("cancel.missing_id")));
    }
    return parsed(new ChatCommand.Cancel(args.get(0).value().strip().replaceFirst("^#", "")));
  }

  private static ParseResult show(String name, List<Token> args) {
    if (args.isEmpty() || args.get(0).value().isBlank()) {
      return new ParseResult.Malformed(name, List.of(ValidationProblem.of("show.missing_id")));
    }
    return parsed(new ChatCommand.Show(args.get(0).value().strip().replaceFirst("^#", "")));
  }

  /** {@code /history 2} is a page; any other words are a search. */
  private static ParseResult history(List<Token> args) {
    String words = args.stream().map(Token::value).collect(Collectors.joining(" ")).strip();
    if (words.matches("\\d{1,6}")) {
      return parsed(new ChatCommand.History(Integer.parseInt(words), ""));
    }
    return parsed(new ChatCommand.History(1, words));
  }

  private static ParseResult admin(List<Token> args) {
    List<String> words = args.stream().map(Token::value).toList();
    return words.isEmpty()
        ? parsed(new ChatCommand.Admin("", List.of()))
        : parsed(new ChatCommand.Admin(words.get(0), words.subList(1, words.size())));
  }

  private ParseResult settings(String name, List<Token> args) {
    Reading reading = optionReader.read(args);
    List<ValidationProblem> problems = new ArrayList<>(reading.problems());
    String allowed =
        SETTINGS_OPTIONS.stream().map(VideoOption::display).collect(Collectors.joining(", "));
    reading.used().stream()
        .filter(o -> !SETTINGS_OPTIONS.contains(o))
        .sorted()
        .forEach(
            o ->
                problems.add(
                    ValidationProblem.of("settings.option_not_allowed", o.display(), allowed)));
    if (!reading.words().isEmpty()) {
      problems.add(ValidationProblem.of("settings.unexpected_text", prompt(reading.words())));
    }
    return result(name, new ChatCommand.Settings(reading.options()), problems);
  }

  /**
   * The prompt words joined by single spaces; a prompt that is one quoted span loses its quotes.
   */
  private static String prompt(List<Token> words) {
    if (words.size() == 1) {
      return words.get(0).value();
    }
    return words.stream().map(Token::raw).collect(Collectors.joining(" "));
  }

  private static ParseResult result(
      String name, ChatCommand command, List<ValidationProblem> problems) {
    return problems.isEmpty() ? parsed(command) : new ParseResult.Malformed(name, problems);
  }

  private static ParseResult parsed(ChatCommand command) {
    return new ParseResult.Parsed(command);
  }
}
