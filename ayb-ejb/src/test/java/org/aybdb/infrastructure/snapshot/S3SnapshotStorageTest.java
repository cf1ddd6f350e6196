package org.aybdb.infrastructure.snapshot;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.config.AybConfiguration;
import org.aybdb.domain.model.snapshot.Snapshot;
import org.aybdb.testsupport.S3Proxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The S3 adapter against a real S3-compatible server (S3Proxy in its own process). */
class S3SnapshotStorageTest {

  @TempDir static Path home;
  @TempDir Path temp;

  private static final String IDENTITY = "test-access-key";
  private static final String CREDENTIAL = "test-secret-key";

  private static S3Proxy server;
  private static S3Client raw;

  @BeforeAll
  static void startServer() {
    server = new S3Proxy(home, S3Proxy.freePort(), IDENTITY, CREDENTIAL);
    server.start();
    raw =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.US_EAST_1)
            .endpointOverride(URI.create(server.endpoint()))
            .forcePathStyle(true)
            // S3Proxy refuses the SDK's default streaming checksums, as the adapter knows.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(IDENTITY, CREDENTIAL)))
            .build();
    raw.createBucket(b -> b.bucket("snaps"));
  }

  @AfterAll
  static void stopServer() {
    raw.close();
    server.close();
  }

  private static AybConfiguration.Snapshots settings(String prefix, String secret, String bucket) {
    return new AybConfiguration.Snapshots(
        AybConfiguration.Snapshots.VACUUM,
        IDENTITY,
        secret,
        bucket,
        prefix,
        Optional.of(server.endpoint()),
        Optional.empty(),
        true,
        Optional.empty());
  }

  private static S3SnapshotStorage storage(String prefix) {
    return new S3SnapshotStorage(settings(prefix, CREDENTIAL, "snaps"));
  }

  /** A compressed snapshot file and its id, as a snapshot run makes them. */
  private record Made(String id, Path compressed, String content) {}

  private Made make(String content) throws IOException {
    Path file = Files.writeString(temp.resolve("copy-" + System.nanoTime()), content);
    Path compressed = temp.resolve(file.getFileName() + ".zst");
    SnapshotFiles.compress(file, compressed);
    return new Made(SnapshotFiles.blake3Hex(file), compressed, content);
  }

  private static List<String> keys(String prefix) {
    return raw.listObjectsV2(r -> r.bucket("snaps").prefix(prefix)).contents().stream()
        .map(S3Object::key)
        // The filesystem backend lists its folders as keys ending in '/'.
        .filter(key -> !key.endsWith("/"))
        .sorted()
        .toList();
  }

  @Test
  void uploadListDownloadAndDeleteUnderThePrefix() throws Exception {
    try (S3SnapshotStorage storage = storage("/backups/ayb/")) {
      assertEquals(List.of(), storage.list("alice", "notes.sqlite"));
      Made first = make("first version");
      Instant before = Instant.now().minusSeconds(2);
      storage.upload("alice", "notes.sqlite", first.id(), first.compressed());

      assertEquals(List.of("backups/ayb/alice/notes.sqlite/" + first.id()), keys("backups/"));
      List<Snapshot> listed = storage.list("alice", "notes.sqlite");
      assertEquals(1, listed.size());
      assertEquals(first.id(), listed.get(0).id());
      assertTrue(!listed.get(0).lastModified().isBefore(before), listed.toString());

      // S3 times have whole seconds: the second upload must come in a later second.
      Instant firstModified = listed.get(0).lastModified();
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> Instant.now().truncatedTo(ChronoUnit.SECONDS).isAfter(firstModified));
      Made second = make("second version");
      storage.upload("alice", "notes.sqlite", second.id(), second.compressed());
      assertEquals(
          List.of(second.id(), first.id()),
          storage.list("alice", "notes.sqlite").stream().map(Snapshot::id).toList(),
          "newest first");
      assertEquals(List.of(), storage.list("alice", "notes"), "a prefix of another name");

      AtomicReference<String> hash = new AtomicReference<>();
      Path restored = temp.resolve("restored");
      storage.download(
          "alice",
          "notes.sqlite",
          first.id(),
          in -> {
            try {
              hash.set(SnapshotFiles.decompress(in, restored));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
      assertEquals(first.id(), hash.get());
      assertEquals("first version", Files.readString(restored, StandardCharsets.UTF_8));

      storage.delete("alice", "notes.sqlite", List.of(first.id()));
      assertEquals(
          List.of(second.id()),
          storage.list("alice", "notes.sqlite").stream().map(Snapshot::id).toList());
    }
  }

  @Test
  void anEmptyPrefixStartsKeysWithTheEntity() throws Exception {
    try (S3SnapshotStorage storage = storage("")) {
      Made made = make("no prefix");
      storage.upload("bob", "db", made.id(), made.compressed());
      assertEquals(List.of("bob/db/" + made.id()), keys("bob/"));
      assertEquals(made.id(), storage.list("bob", "db").get(0).id());
    }
  }

  @Test
  void objectsThatAreNotSnapshotsAreNotListed() throws Exception {
    raw.putObject(
        r -> r.bucket("snaps").key("p/carol/db/README"), RequestBody.fromString("not a snapshot"));
    raw.putObject(
        r -> r.bucket("snaps").key("p/carol/db/nested/" + "a".repeat(64)),
        RequestBody.fromString("nested"));
    try (S3SnapshotStorage storage = storage("p")) {
      assertEquals(List.of(), storage.list("carol", "db"));
    }
  }

  @Test
  void unknownAndMalformedIdsAreSnapshotDoesNotExist() {
    try (S3SnapshotStorage storage = storage("p")) {
      for (String id : List.of("0".repeat(64), "../../other/db/" + "0".repeat(64), "ABC")) {
        AybException error =
            assertThrows(AybException.class, () -> storage.download("dave", "db", id, in -> {}));
        assertEquals(ErrorType.SnapshotDoesNotExistError, error.type(), id);
        assertEquals(AybException.Kind.NOT_FOUND, error.kind());
        assertEquals(null, error.errorMessage());
      }
    }
  }

  @Test
  void refusalsAreS3ExecutionErrors() {
    try (S3SnapshotStorage wrongSecret =
        new S3SnapshotStorage(settings("p", "not-the-secret", "snaps"))) {
      AybException error = assertThrows(AybException.class, () -> wrongSecret.list("e", "d"));
      assertEquals(ErrorType.S3ExecutionError, error.type());
      assertEquals(AybException.Kind.UPSTREAM_FAILED, error.kind());
      assertTrue(error.getMessage().contains("HTTP 403"), error.getMessage());
      assertTrue(!error.getMessage().contains("not-the-secret"), "no secret in messages");
      assertTrue(!error.getMessage().contains("s3://"), "no bucket in messages");
      assertTrue(!error.getMessage().contains(server.endpoint()), "no endpoint in messages");
    }
    try (S3SnapshotStorage noBucket =
        new S3SnapshotStorage(settings("p", CREDENTIAL, "missing-bucket"))) {
      AybException error = assertThrows(AybException.class, () -> noBucket.list("e", "d"));
      assertEquals(ErrorType.S3ExecutionError, error.type());
      assertTrue(error.getMessage().contains("NoSuchBucket"), error.getMessage());
    }
  }

  @Test
  void anUnreachableServerIsAnS3ConnectionErrorAndItsObjectsSurviveARestart() throws Exception {
    try (S3SnapshotStorage storage = storage("outage")) {
      Made made = make("before the outage");
      storage.upload("erin", "db", made.id(), made.compressed());
      server.stop();
      try {
        Instant started = Instant.now();
        AybException error = assertThrows(AybException.class, () -> storage.list("erin", "db"));
        assertEquals(ErrorType.S3ConnectionError, error.type());
        assertEquals(AybException.Kind.UNAVAILABLE, error.kind());
        assertTrue(error.getMessage().contains("unreachable"), error.getMessage());
        // Users are not told where the storage is.
        assertTrue(!error.getMessage().contains(server.endpoint()), error.getMessage());
        assertTrue(!error.getMessage().contains("s3://"), error.getMessage());
        assertTrue(
            Duration.between(started, Instant.now()).toSeconds() < 20, "fails fast when refused");
      } finally {
        server.start();
      }
      assertEquals(made.id(), storage.list("erin", "db").get(0).id());
    }
  }
}
