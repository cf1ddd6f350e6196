package org.aybdb.config;

/**
 * Renders the starter ayb.toml that `ayb default_server_config` prints: ayb's defaults as plain
 * TOML without comments, a fresh Fernet key, an example SMTP section and the JSON Lines e-mail
 * file.
 */
public final class DefaultServerConfig {
  private DefaultServerConfig() {}

  // ayb serializes its default_server_config() with the toml crate: no comments, public_url and
  // snapshots omitted because they are None. Keep byte for byte; e2e tests compare it.
  private static final String TEMPLATE =
      """
      host = "0.0.0.0"
      port = 5433
      database_url = "sqlite://ayb_data/ayb.sqlite"
      data_path = "./ayb_data"

      [authentication]
      fernet_key = "%s"
      token_expiration_seconds = 3600

      [email.smtp]
      from = "Server Sender <server@example.org>"
      reply_to = "Server Reply <replyto@example.org>"
      smtp_host = "localhost"
      smtp_port = 465
      smtp_username = "login@example.org"
      smtp_password = "the_password"

      [email.file]
      path = "./ayb_data/emails.jsonl"

      [cors]
      origin = "*"
      """;

  /** The exact text ayb prints, with a freshly generated Fernet key; ends with one newline. */
  public static String render() {
    // The key alphabet (A-Z a-z 0-9 - _ =) needs no TOML escaping.
    return TEMPLATE.replace("%s", FernetKeys.generate());
  }
}
