package org.aybdb.infrastructure.email;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileEmailSenderTest {

  private static final EmailMessage MESSAGE =
      ConfirmationEmail.compose(
          "http://localhost:5433",
          ConfirmationEmail.DEFAULT_SENDER,
          ConfirmationEmail.DEFAULT_SENDER,
          "ada@example.org",
          "tok==");

  @TempDir Path temp;

  @Test
  void theRecordIsAybsJsonLine() {
    String record =
        FileEmailSender.record(MESSAGE, ZonedDateTime.of(2024, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    assertEquals(
        "{\"from\":\"ayb <noreply@localhost>\",\"to\":\"ada@example.org\","
            + "\"reply_to\":\"ayb <noreply@localhost>\",\"subject\":\"Your login credentials\","
            + "\"content_type\":\"text/plain\",\"content_transfer_encoding\":\"7bit\","
            + "\"date\":\"Mon, 1 Jan 2024 00:00:00 +0000\","
            + "\"content\":[\"To complete your registration, visit\","
            + "\"\\thttp://localhost:5433/confirm/tok%3D%3D\",\"\",\"Or type\","
            + "\"\\tayb client confirm tok==\"]}",
        record);
  }

  @Test
  void datesAreRfc2822WithTwoDigitDaysAsNeeded() {
    assertEquals(
        "Sat, 21 Dec 2024 13:05:09 +0000",
        FileEmailSender.RFC_2822.format(
            ZonedDateTime.of(2024, 12, 21, 13, 5, 9, 0, ZoneOffset.UTC)));
  }

  @Test
  void appendsOneLinePerMessageCreatingFoldersAndAnOwnerOnlyFile() throws Exception {
    Path file = temp.resolve("a/b/emails.jsonl");
    Clock clock = Clock.fixed(Instant.parse("2024-02-29T23:59:59Z"), ZoneOffset.UTC);
    FileEmailSender sender = new FileEmailSender(file, clock);
    sender.send(MESSAGE);
    sender.send(MESSAGE);
    List<String> lines = Files.readAllLines(file);
    assertEquals(2, lines.size());
    assertEquals(FileEmailSender.record(MESSAGE, ZonedDateTime.now(clock)), lines.get(1));
    assertTrue(lines.get(0).contains("\"date\":\"Thu, 29 Feb 2024 23:59:59 +0000\""), lines.get(0));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    assertEquals("File", sender.name());
  }

  @Test
  void aFileThatCannotBeWrittenIsAFailureNamingThePath() throws Exception {
    Path directory = Files.createDirectories(temp.resolve("emails.jsonl"));
    EmailSendingException e =
        assertThrows(
            EmailSendingException.class, () -> new FileEmailSender(directory).send(MESSAGE));
    assertTrue(e.getMessage().startsWith("Cannot append to " + directory + ": "), e.getMessage());
  }
}
