package org.aybdb.cli.client.interactive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aybdb.cli.client.render.DisplayWidth;
import org.jline.reader.CompletingParsedLine;
import org.jline.reader.EOFError;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive session on a terminal, with JLine: prompt, line editing, a history file and
 * statements over several lines. Loaded only when a session starts on a terminal, so that other
 * commands don't pay for JLine.
 */
final class TerminalSession {

  private final InteractiveSession session;

  TerminalSession(InteractiveSession session) {
    this.session = session;
  }

  void run() throws IOException {
    try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
      String prompt = session.prompt();
      LineReaderBuilder builder =
          LineReaderBuilder.builder()
              .terminal(terminal)
              .appName("ayb")
              .parser(new StatementParser())
              .variable(LineReader.SECONDARY_PROMPT_PATTERN, escape(continuation(prompt)))
              .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
              .option(LineReader.Option.INSERT_TAB, true);
      Path history = session.historyFile();
      if (prepare(history)) {
        builder.variable(LineReader.HISTORY_FILE, history);
      }
      LineReader reader = builder.build();
      try {
        while (true) {
          String text;
          try {
            text = reader.readLine(escape(prompt));
          } catch (UserInterruptException | EndOfFileException e) {
            break;
          }
          if (InteractiveSession.isExitCommand(text)) {
            break;
          }
          String rest = session.runComplete(text + "\n");
          StatementSplitter.Split split = StatementSplitter.split(rest);
          if (split.restHasSql()) {
            session.execute(split.rest().strip());
          }
        }
      } finally {
        reader.getHistory().save();
      }
    }
  }

  /** {@code -> } right-aligned under the prompt. */
  static String continuation(String prompt) {
    return " ".repeat(Math.max(0, DisplayWidth.of(prompt) - 3)) + "-> ";
  }

  private static String escape(String prompt) {
    return prompt.replace("%", "%%");
  }

  /** Creates the history file readable by its owner only; false if that is not possible. */
  private static boolean prepare(Path history) {
    try {
      Files.createDirectories(history.getParent());
      if (!Files.exists(history)) {
        Files.createFile(history);
        try {
          Files.setPosixFilePermissions(
              history, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
          // not a POSIX file system
        }
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Accepts a buffer only when its statements are complete, so that Enter continues them. */
  static final class StatementParser implements Parser {
    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
      if (context == ParseContext.ACCEPT_LINE
          && !StatementSplitter.complete(line)
          && !InteractiveSession.isExitCommand(line)) {
        throw new EOFError(-1, cursor, "statement not ended with ;", "");
      }
      return new WholeLine(line, cursor);
    }
  }

  /** The buffer as one word: nothing is completed. */
  record WholeLine(String line, int cursor) implements CompletingParsedLine {
    @Override
    public String word() {
      return line;
    }

    @Override
    public int wordCursor() {
      return cursor;
    }

    @Override
    public int wordIndex() {
      return 0;
    }

    @Override
    public List<String> words() {
      return List.of(line);
    }

    @Override
    public CharSequence escape(CharSequence candidate, boolean complete) {
      return candidate;
    }

    @Override
    public int rawWordCursor() {
      return cursor;
    }

    @Override
    public int rawWordLength() {
      return line.length();
    }
  }
}
