package org.aybdb.infrastructure.email;

import jakarta.json.JsonArrayBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import org.aybdb.infrastructure.json.Jsons;

/**
 * ayb's file backend: appends each message as one compact JSON object per line ({@code from},
 * {@code to}, {@code reply_to}, {@code subject}, {@code content_type}, {@code
 * content_transfer_encoding}, {@code date}, and {@code content} as the body's lines). Parent
 * folders are created; a new file is readable by its owner only, since it holds login tokens.
 */
public final class FileEmailSender implements EmailSender {

  /** RFC 2822 as ayb writes it, e.g. {@code Mon, 1 Jan 2024 00:00:00 +0000}. */
  static final DateTimeFormatter RFC_2822 =
      DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

  // Appends from concurrent requests must not interleave within a line.
  private static final Object APPEND_LOCK = new Object();

  private final Path path;
  private final Clock clock;

  public FileEmailSender(Path path) {
    this(path, Clock.systemUTC());
  }

  FileEmailSender(Path path, Clock clock) {
    this.path = Objects.requireNonNull(path, "path");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public String name() {
    return "File";
  }

  @Override
  public void send(EmailMessage message) throws EmailSendingException {
    byte[] line =
        (record(message, ZonedDateTime.now(clock)) + "\n").getBytes(StandardCharsets.UTF_8);
    Path file = path.toAbsolutePath();
    synchronized (APPEND_LOCK) {
      try {
        Files.createDirectories(file.getParent());
        createOwnerOnly(file);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
          out.write(line);
        }
      } catch (IOException e) {
        throw new EmailSendingException("Cannot append to " + file + ": " + e);
      }
    }
  }

  /** The JSON object of one message, fields in ayb's order. */
  static String record(EmailMessage message, ZonedDateTime date) {
    JsonArrayBuilder content = Jsons.createArrayBuilder();
    message.body().lines().forEach(content::add);
    return Jsons.createObjectBuilder()
        .add("from", message.from())
        .add("to", message.to())
        .add("reply_to", message.replyTo())
        .add("subject", message.subject())
        .add("content_type", "text/plain")
        .add("content_transfer_encoding", "7bit")
        .add("date", RFC_2822.format(date))
        .add("content", content)
        .build()
        .toString();
  }

  private static void createOwnerOnly(Path file) throws IOException {
    if (Files.exists(file)) {
      return;
    }
    try {
      if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        Files.createFile(
            file,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      } else {
        Files.createFile(file);
      }
    } catch (FileAlreadyExistsException createdMeanwhile) {
      // Another process made it first; appending is all we need.
    }
  }
}
