package org.aybdb.infrastructure.snapshot;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.aybdb.application.AybException;
import org.aybdb.application.ErrorType;
import org.aybdb.config.AybConfiguration;
import org.aybdb.domain.model.snapshot.Snapshot;
import org.aybdb.domain.model.snapshot.SnapshotStorage;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link SnapshotStorage} on an S3-compatible service with the AWS SDK for Java v2 and its JDK
 * {@code HttpURLConnection} client. Objects are {@code <path_prefix>/<entity>/<database>/<id>} in
 * the bucket, zstd-compressed; the prefix is used as written, minus surrounding slashes (ayb's
 * extra {@code <bucket>/} segment under path-style addressing is deliberately not reproduced).
 */
public final class S3SnapshotStorage implements SnapshotStorage, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(S3SnapshotStorage.class.getName());

  /** ayb's region when none is configured. */
  static final String DEFAULT_REGION = "us-east-1";

  private final S3Client s3;
  private final String bucket;
  private final String prefix;
  private final String description;

  public S3SnapshotStorage(AybConfiguration.Snapshots settings) {
    Objects.requireNonNull(settings, "settings");
    S3ClientBuilder builder =
        S3Client.builder()
            .httpClientBuilder(
                UrlConnectionHttpClient.builder()
                    .connectionTimeout(Duration.ofSeconds(5))
                    .socketTimeout(Duration.ofSeconds(60)))
            .region(Region.of(settings.region().filter(r -> !r.isBlank()).orElse(DEFAULT_REGION)))
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(settings.accessKeyId(), settings.secretAccessKey())))
            .forcePathStyle(settings.forcePathStyle())
            // Checksums only where S3 requires them: S3-compatible servers (MinIO, S3Proxy,
            // Garage...) do not all accept the SDK's newer default trailing checksums.
            .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
            .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    settings
        .endpointUrl()
        .filter(url -> !url.isBlank())
        .ifPresent(url -> builder.endpointOverride(URI.create(url)));
    this.s3 = builder.build();
    this.bucket = settings.bucket();
    this.prefix = trimSlashes(settings.pathPrefix());
    this.description =
        "s3://"
            + bucket
            + "/"
            + prefix
            + settings.endpointUrl().map(url -> " at " + url).orElse("");
  }

  @Override
  public List<Snapshot> list(String entity, String database) {
    String folder = folder(entity, database);
    List<Snapshot> snapshots = new ArrayList<>();
    call(
        "list snapshots",
        () -> {
          for (S3Object object :
              s3.listObjectsV2Paginator(request -> request.bucket(bucket).prefix(folder))
                  .contents()) {
            String id = object.key().substring(folder.length());
            // Anything else under the folder is not ours to report.
            if (Snapshot.isWellFormedId(id)) {
              snapshots.add(new Snapshot(id, object.lastModified()));
            }
          }
          return null;
        });
    snapshots.sort(Comparator.comparing(Snapshot::lastModified).reversed());
    return snapshots;
  }

  @Override
  public void upload(String entity, String database, String id, Path compressed) {
    Objects.requireNonNull(compressed, "compressed");
    String key = key(entity, database, id);
    call(
        "upload snapshot " + id,
        () ->
            s3.putObject(
                request -> request.bucket(bucket).key(key).contentType("application/zstd"),
                RequestBody.fromFile(compressed)));
  }

  @Override
  public void download(String entity, String database, String id, Consumer<InputStream> reader) {
    Objects.requireNonNull(reader, "reader");
    String key = key(entity, database, id);
    call(
        "download snapshot " + id,
        () -> {
          try (ResponseInputStream<GetObjectResponse> in =
              s3.getObject(request -> request.bucket(bucket).key(key))) {
            reader.accept(in);
          } catch (NoSuchKeyException e) {
            throw AybException.snapshotDoesNotExist();
          } catch (java.io.IOException e) {
            throw SdkClientException.create("Reading the snapshot failed: " + e.getMessage(), e);
          }
          return null;
        });
  }

  @Override
  public void delete(String entity, String database, List<String> ids) {
    // One request per object: multi-object delete needs Content-MD5, which some S3-compatible
    // servers insist on and the SDK no longer sends by default; prunes delete one or two anyway.
    for (String id : ids) {
      String key = key(entity, database, id);
      call("delete snapshot " + id, () -> s3.deleteObject(r -> r.bucket(bucket).key(key)));
    }
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public void close() {
    s3.close();
  }

  /** {@code <prefix>/<entity>/<database>/}, or without the prefix when it is empty. */
  String folder(String entity, String database) {
    Objects.requireNonNull(entity, "entity");
    Objects.requireNonNull(database, "database");
    return (prefix.isEmpty() ? "" : prefix + "/") + entity + "/" + database + "/";
  }

  private String key(String entity, String database, String id) {
    if (!Snapshot.isWellFormedId(id)) {
      // A key is built only from a real hash, so a crafted id cannot reach another object.
      throw AybException.snapshotDoesNotExist();
    }
    return folder(entity, database) + id;
  }

  // Messages go to users: they name no endpoint, bucket or prefix (the log has those).
  private <T> T call(String what, java.util.function.Supplier<T> request) {
    try {
      return request.get();
    } catch (S3Exception e) {
      String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
      LOG.log(Level.WARNING, "Snapshot storage " + description + " refused to " + what, e);
      throw new AybException(
          ErrorType.S3ExecutionError,
          AybException.Kind.UPSTREAM_FAILED,
          "Snapshot storage refused to "
              + what
              + ": HTTP "
              + e.statusCode()
              + (code == null ? "" : " " + code));
    } catch (SdkClientException e) {
      LOG.log(
          Level.WARNING,
          () -> "Snapshot storage " + description + " is unreachable: " + rootMessage(e));
      throw new AybException(
          ErrorType.S3ConnectionError,
          AybException.Kind.UNAVAILABLE,
          "Snapshot storage is unreachable; try again later");
    } catch (SdkException e) {
      LOG.log(Level.WARNING, "Snapshot storage " + description + " failed to " + what, e);
      throw new AybException(
          ErrorType.S3ExecutionError,
          AybException.Kind.UPSTREAM_FAILED,
          "Snapshot storage failed to " + what);
    }
  }

  private static String rootMessage(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null ? root.getClass().getSimpleName() : message;
  }

  private static String trimSlashes(String value) {
    String result = value == null ? "" : value.strip();
    while (result.startsWith("/")) {
      result = result.substring(1);
    }
    while (result.endsWith("/")) {
      result = result.substring(0, result.length() - 1);
    }
    return result;
  }
}
