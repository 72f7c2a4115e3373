package io.seawall;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Seawall as a newcomer runs it ({@code SeawallApplication} in a JVM of its own, working in its own
 * directory so {@code ./data} holds its engine and, on the default, its H2 database), so a test can
 * kill it with SIGKILL and start it again on the same data. Its output goes to one log file per
 * start; the test reads them for what the app said about the crash.
 */
public final class SeawallInAnotherJvm implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;
  private final List<String> settings;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final List<Path> logs = new ArrayList<>();
  private int port;
  private Process jvm;

  /** @param settings extra {@code --name=value} arguments (the database of a PostgreSQL run, say) */
  public SeawallInAnotherJvm(Path directory, List<String> settings) {
    this.directory = directory;
    this.settings = settings;
  }

  /** Starts Seawall and waits until its health is UP. */
  public void start() throws IOException, InterruptedException {
    Files.createDirectories(directory);
    port = freePort();
    Path log = directory.resolve("seawall-" + (logs.size() + 1) + ".log");
    logs.add(log);
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx768m", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"),
        SeawallApplication.class.getName(),
        "--server.port=" + port,
        "--seawall.engine.port=0",
        "--seawall.engine.rest-port=0"));
    command.addAll(settings);
    jvm = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!jvm.isAlive()) {
        throw new IllegalStateException("Seawall exited with " + jvm.exitValue() + " while starting; see " + log);
      }
      try {
        if (get("/actuator/health", "agent").statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("Seawall did not come up within 120 s; see " + log);
  }

  /** SIGKILL: no shutdown hook, no flush, no clean stop of the engine or the database. */
  public void kill() throws InterruptedException {
    jvm.destroyForcibly();
    if (!jvm.waitFor(30, TimeUnit.SECONDS) || jvm.exitValue() != 137) {
      throw new IllegalStateException("Seawall was not killed by SIGKILL");
    }
  }

  public HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
    return http.send(request(path, user).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  public HttpResponse<String> post(String path, String user, String body) throws IOException, InterruptedException {
    return http.send(request(path, user)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public static JsonNode json(HttpResponse<String> answer) {
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      throw new UncheckedIOException("Not JSON: " + answer.body(), e);
    }
  }

  /** What Seawall wrote to its log since its last start. */
  public String logOfThisStart() throws IOException {
    return Files.readString(logs.getLast(), StandardCharsets.UTF_8);
  }

  public Path lastLog() {
    return logs.getLast();
  }

  private HttpRequest.Builder request(String path, String user) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Basic " + credentials);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (jvm != null && jvm.isAlive()) {
      kill();
    }
  }
}
