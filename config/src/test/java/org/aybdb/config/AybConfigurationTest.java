package org.aybdb.config;

import static org.aybdb.config.ConfigFixtures.FERNET_KEY;
import static org.aybdb.config.ConfigFixtures.FULL;
import static org.aybdb.config.ConfigFixtures.load;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AybConfigurationTest {

  @TempDir Path temp;

  @Test
  void toStringMasksEverySecret() {
    String text = load(temp, FULL, Map.of()).toString();
    for (String secret :
        List.of(FERNET_KEY, "smtp-secret", "s3-secret", "db-secret", "scrape-token-0123456789")) {
      assertFalse(text.contains(secret), () -> secret + " leaks in " + text);
    }
    assertTrue(text.contains("fernetKey=***"), text);
    assertTrue(text.contains("smtpPassword=***"), text);
    assertTrue(text.contains("secretAccessKey=***"), text);
    assertTrue(text.contains("postgresql://ayb:***@db.example.com:5432/ayb"), text);
    // Non-secret values stay visible for troubleshooting.
    assertTrue(text.contains("host=127.0.0.1"), text);
    assertTrue(text.contains("accessKeyId=AKIAEXAMPLE"), text);
  }
}
