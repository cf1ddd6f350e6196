package org.aybdb.cli.client.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Whole database files over HTTP: a checked download to disk and a multipart upload from disk. */
final class Downloads {

  private static final Pattern SHA_256 = Pattern.compile("sha-256=:([A-Za-z0-9+/=]+):");

  private Downloads() {}

  /**
   * Writes a 2xx answer's body to {@code target} through a temporary file beside it, checking its
   * SHA-256 against {@code Repr-Digest}; any other answer is thrown as the server's error.
   */
  static long save(HttpResponse<InputStream> response, Path target) {
    try (InputStream body = response.body()) {
      if (response.statusCode() < 200 || response.statusCode() >= 300) {
        String answer = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        throw new ApiException(AybApi.error(response.statusCode(), answer));
      }
      Path folder = target.toAbsolutePath().getParent();
      Path partial = Files.createTempFile(folder, ".ayb-export-", ".partial");
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        long written;
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha)) {
          written = body.transferTo(out);
        }
        String actual = Base64.getEncoder().encodeToString(sha.digest());
        Optional<String> expected = expectedSha256(response);
        if (expected.isPresent() && !expected.get().equals(actual)) {
          throw new ApiException(
              AybError.other(
                  "The download is damaged: its SHA-256 is "
                      + actual
                      + ", the server sent "
                      + expected.get()));
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        return written;
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new ApiException(AybError.other("Can't write " + target + ": " + e.getMessage()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Optional<String> expectedSha256(HttpResponse<?> response) {
    return response
        .headers()
        .firstValue("Repr-Digest")
        .map(SHA_256::matcher)
        .filter(Matcher::find)
        .map(m -> m.group(1));
  }

  /** {@code file} as the one part {@code name} of a {@code multipart/form-data} body. */
  static HttpRequest.BodyPublisher multipart(String boundary, String name, Path file)
      throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException("not a file");
    }
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\""
            + name
            + "\"; filename=\""
            + file.getFileName().toString().replace("\"", "")
            + "\"\r\nContent-Type: application/vnd.sqlite3\r\n\r\n";
    String tail = "\r\n--" + boundary + "--\r\n";
    return HttpRequest.BodyPublishers.concat(
        HttpRequest.BodyPublishers.ofString(head, StandardCharsets.UTF_8),
        HttpRequest.BodyPublishers.ofFile(file),
        HttpRequest.BodyPublishers.ofString(tail, StandardCharsets.UTF_8));
  }
}
