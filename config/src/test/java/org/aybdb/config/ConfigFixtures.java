package org.aybdb.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Sample configuration files for the tests. */
final class ConfigFixtures {

  static final String FERNET_KEY = "6YZ30vB7NenAVb9v1A070jKOroSYFENOUPMpDl79ul0=";

  /** Every key, ayb's and ours. */
  static final String FULL =
      """
      host = "127.0.0.1"
      port = 8080
      public_url = "https://ayb.example.com/"
      database_url = "postgresql://ayb:db-secret@db.example.com:5432/ayb?currentSchema=meta"
      data_path = "/var/lib/ayb"

      [authentication]
      fernet_key = "6YZ30vB7NenAVb9v1A070jKOroSYFENOUPMpDl79ul0="
      token_expiration_seconds = 7200

      [email]
      rate_limit_per_hour = 5

      [email.smtp]
      from = "Server Sender <server@example.org>"
      reply_to = "Server Reply <replyto@example.org>"
      smtp_host = "smtp.example.org"
      smtp_port = 587
      smtp_username = "login@example.org"
      smtp_password = "smtp-secret"
      security = "STARTTLS"

      [email.file]
      path = "/var/log/ayb/emails.jsonl"

      [cors]
      origin = "https://app.example.com"

      [snapshots]
      sqlite_method = "Vacuum"
      access_key_id = "AKIAEXAMPLE"
      secret_access_key = "s3-secret"
      bucket = "ayb-snapshots"
      path_prefix = ""
      endpoint_url = "http://minio:9000"
      region = "eu-west-1"
      force_path_style = true

      [snapshots.automation]
      interval = "1h30m"
      max_snapshots = 6

      [server]
      jvm_options = ["-Xmx256m", "-XX:+UseSerialGC"]
      startup_timeout_seconds = 60
      shutdown_grace_seconds = 9

      [sandbox]
      allow_unsandboxed = true
      network = "Required"
      max_daemons = 4
      idle_timeout = "90s"
      query_timeout = "2.5s"
      max_result_rows = 1000
      max_result_bytes = "2MiB"
      max_sql_bytes = 65536
      max_value_bytes = "1MB"
      daemon_memory = "96MiB"
      max_file_size = "2GiB"
      open_files = 64

      [http]
      json_max_depth = 16
      link_fetches_per_entity_per_hour = 20
      link_fetches_per_hour = 200
      emails_per_client_per_hour = 40
      anonymous_session_timeout = "5m"
      max_sessions_per_client = 7
      max_connections_per_client = 12
      body_timeout = "4s"
      max_query_params = 50
      max_batch_statements = 5
      min_body_rate = "1KiB"

      [management]
      addresses = ["10.0.0.5", "fd00::5"]
      token = "scrape-token-0123456789"
      """;

  /** The file of ayb's own env-override unit test. */
  static final String MINIMAL =
      """
      host = "localhost"
      port = 5433
      public_url = "https://example.org"
      database_url = "sqlite://test.db"
      data_path = "./test_data"

      [authentication]
      fernet_key = "6YZ30vB7NenAVb9v1A070jKOroSYFENOUPMpDl79ul0="
      token_expiration_seconds = 3600

      [email.file]
      path = "./test.jsonl"

      [cors]
      origin = "*"
      """;

  private ConfigFixtures() {}

  static Path write(Path directory, String toml) {
    Path file = directory.resolve("ayb.toml");
    try {
      Files.writeString(file, toml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  static AybConfiguration load(Path directory, String toml, Map<String, String> environment) {
    return ConfigurationLoader.load(write(directory, toml), environment);
  }
}
