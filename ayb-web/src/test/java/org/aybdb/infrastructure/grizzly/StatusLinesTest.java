package org.aybdb.infrastructure.grizzly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.junit.jupiter.api.Test;

class StatusLinesTest {

  @Test
  void codesGrizzlyKnowsKeepItsPhrases() {
    assertEquals("OK", StatusLines.reasonPhrase(200));
    assertEquals("Bad Request", StatusLines.reasonPhrase(400));
    assertEquals("Service Unavailable", StatusLines.reasonPhrase(503));
  }

  @Test
  void codesGrizzlyLacksGetTheirStandardPhrases() {
    assertEquals("Too Many Requests", StatusLines.reasonPhrase(429));
    assertEquals("Unprocessable Content", StatusLines.reasonPhrase(422));
  }

  @Test
  void aResponseHeadCarriesCodeAndPhrase() {
    HttpRequestPacket request =
        HttpRequestPacket.builder().method("GET").uri("/").protocol("HTTP/1.1").build();
    HttpResponsePacket response = HttpResponsePacket.builder(request).build();
    StatusLines.set(response, 429);
    assertEquals(429, response.getStatus());
    assertEquals("Too Many Requests", response.getReasonPhrase());
    StatusLines.set(response, 299);
    assertEquals(299, response.getStatus());
  }
}
