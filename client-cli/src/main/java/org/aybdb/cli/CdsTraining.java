package org.aybdb.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The training run of the build's class data sharing archive (AppCDS): runs typical client commands
 * in-process against a canned HTTP answerer on the loopback interface, so that the JVM that records
 * the archive ({@code -XX:ArchiveClassesAtExit}) loads what a real command loads. Not part of the
 * command line; the build runs it right after packaging the jar.
 *
 * <p>Arguments: a scratch folder (its ayb.json is written and deleted).
 */
public final class CdsTraining {

  private CdsTraining() {}

  public static void main(String[] args) throws Exception {
    Path folder = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "cds-training"));
    Path config = folder.resolve("ayb.json");
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      Thread answerer = new Thread(() -> answer(server), "cds-training-answerer");
      answerer.setDaemon(true);
      answerer.start();
      String url = "http://127.0.0.1:" + server.getLocalPort();
      List<String[]> runs = new ArrayList<>();
      runs.add(new String[] {"--version"});
      runs.add(new String[] {"client", "set_default_url", url});
      runs.add(new String[] {"client", "list", "entity"});
      runs.add(new String[] {"client", "profile", "entity", "--format", "csv"});
      runs.add(new String[] {"client", "query", "entity/db.sqlite", "SELECT 1"});
      runs.add(new String[] {"client", "query", "entity/db.sqlite", "SELECT 1", "--format", "csv"});
      runs.add(new String[] {"client", "query", "entity/db.sqlite", "SELECT 1", "--format=json"});
      runs.add(new String[] {"client", "list_tokens"});
      runs.add(new String[] {"client", "database_details", "entity/db.sqlite"});
      runs.add(new String[] {"client", "create_database", "entity/missing.sqlite"});
      runs.add(new String[] {"client", "--url", "http://127.0.0.1:1", "list", "entity"});
      runs.add(new String[] {"client", "query", "not-a-database", "SELECT 1"});
      runs.add(new String[] {"client", "--help"});
      for (String[] run : runs) {
        Map<String, String> environment =
            Map.of("AYB_CLIENT_CONFIG_FILE", config.toString(), "AYB_API_TOKEN", "ayb_a_b");
        StringWriter sink = new StringWriter();
        try (PrintWriter writer = new PrintWriter(sink)) {
          Ayb.run(run, writer, writer, environment);
        }
      }
    } finally {
      Files.deleteIfExists(config);
    }
  }

  /** Answers every connection with one canned response, then closes it. */
  private static void answer(ServerSocket server) {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
        String requestLine = in.readLine();
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
          if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
            length = Integer.parseInt(line.substring(15).strip());
          }
        }
        for (int i = 0; i < length; i++) {
          in.read();
        }
        String path = requestLine == null ? "" : requestLine.split(" ")[1];
        int status = 200;
        String body;
        if (path.startsWith("/v1/entity/")) {
          body =
              "{\"slug\":\"entity\",\"profile\":{\"display_name\":\"Entity\",\"description\":null,"
                  + "\"organization\":null,\"location\":null,\"links\":[{\"url\":\"https://x.org\","
                  + "\"verified\":true}]},\"databases\":[{\"slug\":\"db.sqlite\","
                  + "\"database_type\":\"sqlite\"}],\"permissions\":{\"can_create_database\":true}}";
        } else if (path.endsWith("/query")) {
          body = "{\"fields\":[\"a\",\"b\"],\"rows\":[[\"1\",null],[\"x,y\",\"\u6f22\"]]}";
        } else if (path.equals("/v1/tokens")) {
          body =
              "{\"tokens\":[{\"short_token\":\"abc\",\"scoped_database\":null,"
                  + "\"permission_level\":null,\"app_name\":null,"
                  + "\"created_at\":\"2026-01-01 00:00:00\",\"expires_at\":null,"
                  + "\"revoked_at\":null}]}";
        } else if (path.endsWith("/details")) {
          body =
              "{\"entity_slug\":\"entity\",\"database_slug\":\"db.sqlite\","
                  + "\"database_type\":\"sqlite\",\"highest_query_access_level\":\"ReadWrite\","
                  + "\"can_manage_database\":true,\"public_sharing_level\":\"no-access\"}";
        } else {
          status = 404;
          body = "{\"type\":\"Other\",\"message\":\"No such endpoint\"}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("HTTP/1.1 "
                    + status
                    + (status == 200 ? " OK" : " Not Found")
                    + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + bytes.length
                    + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
      } catch (IOException | RuntimeException e) {
        // the next connection
      }
    }
  }
}
