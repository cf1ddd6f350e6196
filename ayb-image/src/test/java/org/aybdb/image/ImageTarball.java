package org.aybdb.image;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An image as {@code jib:buildTar} (and {@code docker save}) writes it: {@code manifest.json}
 * naming the configuration and the layers, bottom first. Unpacked with the system's {@code tar},
 * which keeps owners, modes and links as a container runtime does.
 *
 * @param config the image configuration's {@code config} object (Entrypoint, Cmd, Env, User...)
 * @param layers the layer files, bottom first
 */
record ImageTarball(JsonObject config, List<Path> layers) {

  /** Extracts {@code tarball} into {@code directory} and reads its manifest and configuration. */
  static ImageTarball open(Path tarball, Path directory) throws IOException, InterruptedException {
    Objects.requireNonNull(tarball, "tarball");
    Files.createDirectories(directory);
    tar("-xf", tarball.toString(), "-C", directory.toString());
    JsonObject manifest = read(directory.resolve("manifest.json")).asJsonArray().getJsonObject(0);
    JsonObject configuration = read(directory.resolve(manifest.getString("Config"))).asJsonObject();
    List<Path> layers = new ArrayList<>();
    for (JsonString layer : manifest.getJsonArray("Layers").getValuesAs(JsonString.class)) {
      layers.add(directory.resolve(layer.getString()));
    }
    return new ImageTarball(configuration.getJsonObject("config"), List.copyOf(layers));
  }

  /** Unpacks the layers, bottom first, into an empty {@code rootfs}. */
  void unpack(Path rootfs) throws IOException, InterruptedException {
    Files.createDirectories(rootfs);
    for (Path layer : layers) {
      tar("-xpf", layer.toString(), "--numeric-owner", "-C", rootfs.toString());
    }
  }

  /** Entrypoint followed by Cmd: what {@code docker run IMAGE} executes. */
  List<String> command() {
    List<String> command = new ArrayList<>(strings(config.getJsonArray("Entrypoint")));
    if (config.containsKey("Cmd") && !config.isNull("Cmd")) {
      command.addAll(strings(config.getJsonArray("Cmd")));
    }
    return command;
  }

  /** The Env entries as a map. */
  Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    for (String entry : strings(config.getJsonArray("Env"))) {
      int equals = entry.indexOf('=');
      environment.put(entry.substring(0, equals), entry.substring(equals + 1));
    }
    return environment;
  }

  String user() {
    return config.getString("User", "");
  }

  String workingDirectory() {
    return config.getString("WorkingDir", "/");
  }

  long layerBytes() throws IOException {
    long total = 0;
    for (Path layer : layers) {
      total += Files.size(layer);
    }
    return total;
  }

  private static List<String> strings(JsonArray array) {
    return array.getValuesAs(JsonString.class).stream().map(JsonString::getString).toList();
  }

  private static jakarta.json.JsonValue read(Path file) throws IOException {
    try (Reader in = Files.newBufferedReader(file);
        JsonReader json = Json.createReader(in)) {
      return json.readValue();
    }
  }

  private static void tar(String... arguments) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("tar"));
    command.addAll(List.of(arguments));
    Process tar = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(tar.getInputStream().readAllBytes());
    if (tar.waitFor() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }
}
