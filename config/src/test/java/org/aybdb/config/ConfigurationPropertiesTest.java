package org.aybdb.config;

import static org.aybdb.config.ConfigFixtures.FERNET_KEY;
import static org.aybdb.config.ConfigFixtures.FULL;
import static org.aybdb.config.ConfigFixtures.MINIMAL;
import static org.aybdb.config.ConfigFixtures.load;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationPropertiesTest {

  @TempDir Path temp;

  @Test
  void flattensEveryKeyOfAFullConfiguration() {
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("host", "127.0.0.1");
    expected.put("port", "8080");
    expected.put("public_url", "https://ayb.example.com");
    expected.put(
        "database_url", "postgresql://ayb:db-secret@db.example.com:5432/ayb?currentSchema=meta");
    expected.put("data_path", "/var/lib/ayb");
    expected.put("authentication.fernet_key", FERNET_KEY);
    expected.put("authentication.token_expiration_seconds", "7200");
    expected.put("email.rate_limit_per_hour", "5");
    expected.put("email.smtp.from", "Server Sender <server@example.org>");
    expected.put("email.smtp.reply_to", "Server Reply <replyto@example.org>");
    expected.put("email.smtp.smtp_host", "smtp.example.org");
    expected.put("email.smtp.smtp_port", "587");
    expected.put("email.smtp.smtp_username", "login@example.org");
    expected.put("email.smtp.smtp_password", "smtp-secret");
    expected.put("email.smtp.security", "starttls");
    expected.put("email.file.path", "/var/log/ayb/emails.jsonl");
    expected.put("cors.origin", "https://app.example.com");
    expected.put("snapshots.sqlite_method", "Vacuum");
    expected.put("snapshots.access_key_id", "AKIAEXAMPLE");
    expected.put("snapshots.secret_access_key", "s3-secret");
    expected.put("snapshots.bucket", "ayb-snapshots");
    expected.put("snapshots.path_prefix", "");
    expected.put("snapshots.endpoint_url", "http://minio:9000");
    expected.put("snapshots.region", "eu-west-1");
    expected.put("snapshots.force_path_style", "true");
    expected.put("snapshots.automation.interval", "5400s");
    expected.put("snapshots.automation.max_snapshots", "6");
    expected.put("server.jvm_options", "-Xmx256m -XX:+UseSerialGC");
    expected.put("server.startup_timeout_seconds", "60");
    expected.put("server.shutdown_grace_seconds", "9");
    expected.put("sandbox.allow_unsandboxed", "true");
    expected.put("sandbox.network", "required");
    expected.put("sandbox.max_daemons", "4");
    expected.put("sandbox.idle_timeout", "90s");
    expected.put("sandbox.query_timeout", "2500ms");
    expected.put("sandbox.max_result_rows", "1000");
    expected.put("sandbox.max_result_bytes", "2097152");
    expected.put("sandbox.max_sql_bytes", "65536");
    expected.put("sandbox.max_value_bytes", "1000000");
    expected.put("sandbox.daemon_memory", "100663296");
    expected.put("sandbox.max_file_size", "2147483648");
    expected.put("sandbox.open_files", "64");
    expected.put("sandbox.crash_backoff_initial", "1s");
    expected.put("sandbox.crash_backoff_max", "60s");
    expected.put("sandbox.max_nesting_keywords", "500");
    expected.put("sandbox.max_views_and_triggers", "500");
    expected.put("sandbox.request_stack", "2097152");
    expected.put("sandbox.prestarted_launchers", "2");
    expected.put(
        "sandbox.readers_per_database",
        Integer.toString(AybConfiguration.Sandbox.DEFAULT_READERS_PER_DATABASE));
    expected.put("http.json_max_depth", "16");
    expected.put("http.link_fetches_per_entity_per_hour", "20");
    expected.put("http.link_fetches_per_hour", "200");
    expected.put("http.emails_per_client_per_hour", "40");
    expected.put("http.anonymous_session_timeout", "300s");
    expected.put("http.max_sessions_per_client", "7");
    expected.put("http.max_connections_per_client", "12");
    expected.put("http.body_timeout", "4s");
    expected.put("http.max_query_params", "50");
    expected.put("http.max_batch_statements", "5");
    expected.put("http.min_body_rate", "1024");
    expected.put("management.addresses", "10.0.0.5 fd00::5");
    expected.put("management.token", "scrape-token-0123456789");
    expected.put("limits.queries_per_minute", "600");
    expected.put("limits.concurrent_queries", "4");
    expected.put("limits.anonymous_queries_per_minute", "120");
    expected.put("limits.anonymous_concurrent_queries", "2");
    expected.put("limits.anonymous_queries_per_database", "1");
    expected.put("limits.queue_wait", "5s");
    expected.put("limits.trusted_proxies", "");
    expected.put("limits.max_databases_per_entity", "100");
    expected.put("limits.max_bytes_per_entity", "10737418240");
    expected.put("limits.query_history_length", "50");
    expected.put("limits.max_saved_queries_per_entity", "100");
    expected.put("limits.username_suggestions_per_minute", "30");
    expected.put("limits.concurrent_exports", "8");
    expected.put("limits.concurrent_exports_per_client", "2");
    expected.put("limits.max_dump_bytes", "4294967296");
    expected.put("metadata.dialect", "postgresql");
    expected.put("metadata.datasource.class", "org.postgresql.ds.PGSimpleDataSource");
    expected.put(
        "metadata.datasource.url", "jdbc:postgresql://db.example.com:5432/ayb?currentSchema=meta");
    expected.put("metadata.datasource.user", "ayb");
    expected.put("metadata.datasource.password", "db-secret");
    expected.put("metadata.schema", "meta");
    expected.put("public_base_url", "https://ayb.example.com");
    expected.put(
        "data_path.absolute", Path.of("/var/lib/ayb").toAbsolutePath().normalize().toString());

    Map<String, String> properties = load(temp, FULL, Map.of()).asProperties();
    assertEquals(expected, properties);
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(properties.keySet()), "order");
  }

  @Test
  void leavesAbsentOptionalValuesOut() {
    Map<String, String> properties =
        load(temp, MINIMAL.replace("public_url = \"https://example.org\"\n", ""), Map.of())
            .asProperties();
    for (String absent :
        List.of("public_url", "email.smtp.smtp_host", "snapshots.bucket", "metadata.schema")) {
      assertFalse(properties.containsKey(absent), absent);
    }
    assertEquals("http://localhost:5433", properties.get("public_base_url"));
    assertEquals("sqlite", properties.get("metadata.dialect"));
    assertEquals("10", properties.get("email.rate_limit_per_hour"));
    assertEquals("org.sqlite.SQLiteDataSource", properties.get("metadata.datasource.class"));
    assertEquals(
        "jdbc:sqlite:" + Path.of("test.db").toAbsolutePath().normalize(),
        properties.get("metadata.datasource.url"));
    assertEquals("", properties.get("metadata.datasource.password"));
    assertEquals(
        Path.of("./test_data").toAbsolutePath().normalize().toString(),
        properties.get("data_path.absolute"));
    assertTrue(properties.values().stream().allMatch(value -> value != null));
  }
}
