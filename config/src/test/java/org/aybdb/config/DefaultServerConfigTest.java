package org.aybdb.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DefaultServerConfigTest {

  // What ayb's own `default_server_config` prints, byte for byte, with the key masked as ayb's
  // end-to-end test does.
  private static final String EXPECTED =
      """
      host = "0.0.0.0"
      port = 5433
      database_url = "sqlite://ayb_data/ayb.sqlite"
      data_path = "./ayb_data"

      [authentication]
      fernet_key = "<masked>"
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

  private static final Pattern KEY_LINE = Pattern.compile("fernet_key = \"([^\"]*)\"");

  @Test
  void rendersAybsDefaultConfigurationExactly() {
    String rendered = DefaultServerConfig.render();
    assertEquals(EXPECTED, KEY_LINE.matcher(rendered).replaceFirst("fernet_key = \"<masked>\""));
    assertTrue(rendered.endsWith("origin = \"*\"\n"));
  }

  @Test
  void everyRenderHasAFreshValidKey() {
    Matcher first = KEY_LINE.matcher(DefaultServerConfig.render());
    Matcher second = KEY_LINE.matcher(DefaultServerConfig.render());
    assertTrue(first.find());
    assertTrue(second.find());
    assertEquals(44, first.group(1).length());
    assertTrue(first.group(1).endsWith("="));
    assertTrue(FernetKeys.isValid(first.group(1)));
    assertNotEquals(first.group(1), second.group(1));
  }
}
