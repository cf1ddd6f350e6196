package org.aybdb.interfaces.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import java.net.URL;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aybdb.interfaces.database.rest.DatabaseCalls;
import org.aybdb.interfaces.rest.TestAccounts.Account;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ayb's metrics on {@code /metrics} (read with the management token) follow the Prometheus
 * conventions: valid names, counters ending in {@code _total}, durations in seconds, the base unit,
 * in every sample of a timer ({@code _sum}, {@code _mean}, {@code _max} and the quantiles alike).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsUnitsIT {

  @RegisterExtension static final GreenMailExtension SMTP = TestAccounts.smtpServer();

  private static final Pattern SAMPLE =
      // Label values may hold braces themselves (route templates such as /v1/{entity}).
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{.*})? (\\S+)");

  /**
   * Longer than any request of this test could take in seconds, shorter than any in nanoseconds.
   */
  private static final double MOST_SECONDS = 1000;

  @ArquillianResource URL base;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.aybWar();
  }

  @Test
  void aybTimersAreInSecondsInEverySampleAndNamesFollowPrometheus() throws Exception {
    ApiClient api = new ApiClient(base);
    Account owner = new TestAccounts(api).register("metrics");
    DatabaseCalls calls = new DatabaseCalls(api);
    String path = "/v1/" + owner.entity() + "/units.sqlite";
    calls.createOrFail(owner.bearer(), path, "no-access");
    calls.queryOrFail(owner.bearer(), path, "CREATE TABLE t(x); INSERT INTO t VALUES (1)");
    calls.queryOrFail(owner.bearer(), path, "SELECT x FROM t");

    HttpResponse<String> metrics =
        api.send(api.management("/metrics").header("Accept", "text/plain"));
    assertEquals(200, metrics.statusCode(), metrics.body());
    List<String> problems = new ArrayList<>();
    int timerSamples = 0;
    boolean queries = false;
    for (String line : metrics.body().lines().toList()) {
      if (line.startsWith("#") || line.isBlank()) {
        if (line.startsWith("# TYPE ayb_") && line.endsWith(" counter")) {
          String name = line.split(" ")[2];
          if (!name.endsWith("_total")) {
            problems.add("counter without _total: " + name);
          }
        }
        continue;
      }
      Matcher m = SAMPLE.matcher(line);
      assertTrue(m.matches(), "not a Prometheus sample: " + line);
      String name = m.group(1);
      if (!name.startsWith("ayb_")) {
        continue;
      }
      if (name.matches(".*_(nanoseconds|milliseconds|microseconds)(_.*)?")) {
        problems.add("duration not in seconds: " + line);
      }
      if (name.matches(".*_seconds_bucket")) {
        // A histogram bucket's bound (le) is the duration; its value is a count.
        timerSamples++;
        Matcher le = Pattern.compile("le=\"([^\"]+)\"").matcher(String.valueOf(m.group(2)));
        if (!le.find()) {
          problems.add("bucket without le: " + line);
        } else if (!le.group(1).equals("+Inf")
            && (Double.parseDouble(le.group(1)) <= 0
                || Double.parseDouble(le.group(1)) > MOST_SECONDS)) {
          problems.add("bucket bound not in seconds: " + line);
        }
      } else if (name.matches(".*_seconds(_sum|_mean|_max)?")) {
        timerSamples++;
        queries |= name.startsWith("ayb_sandbox_queries_seconds");
        double value = Double.parseDouble(m.group(3));
        if (value < 0 || value > MOST_SECONDS) {
          problems.add("not in seconds: " + line);
        }
      }
    }
    assertTrue(problems.isEmpty(), String.join("\n", problems));
    assertTrue(queries, "no ayb_sandbox_queries_seconds samples in\n" + metrics.body());
    // Sum, mean, max and at least the buckets of the HTTP, query and spawn timers.
    assertTrue(timerSamples > 30, "too few timer samples: " + timerSamples);
    assertFalse(metrics.body().contains("ayb_http_requests_seconds_seconds"), metrics.body());
  }
}
