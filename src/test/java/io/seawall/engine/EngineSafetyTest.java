package io.seawall.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

/** What keeps a seller's embedded engine safe: nobody else on the network reaches it, nobody moves its clock. */
class EngineSafetyTest {

  @TempDir Path directory;

  @Test
  void itsPortsListenOnLoopbackOnly() {
    Optional<InetAddress> lan = nonLoopbackAddress();
    assumeTrue(lan.isPresent(), "this machine has no network address besides loopback");
    try (RunningEngine running = RunningEngine.on(directory)) {
      int grpc = running.engine.port();
      int rest = running.engine.restPort();

      assertThat(reachable(InetAddress.getLoopbackAddress(), grpc)).isTrue();
      assertThat(reachable(lan.get(), grpc)).isFalse();
      assertThat(reachable(lan.get(), rest)).isFalse();
    }
  }

  @Test
  void withoutClockControlTheClockCannotBeMoved() throws Exception {
    EmbeddedEngine engine = new EmbeddedEngine(new EngineSettings(
        directory, "127.0.0.1", RunningEngine.freePort(), 0, false, Duration.ofHours(1), DataSize.ofMegabytes(4)));
    engine.start();
    try {
      HttpResponse<String> answer = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + engine.restPort() + "/actuator/clock/add"))
              .POST(HttpRequest.BodyPublishers.ofString("{\"offsetMilli\": 172800000}")).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(answer.statusCode()).isEqualTo(404);
      assertThatThrownBy(() -> engine.advanceClock(Duration.ofHours(48))).isInstanceOf(IllegalStateException.class);
    } finally {
      engine.stop();
    }
  }

  private static Optional<InetAddress> nonLoopbackAddress() {
    try {
      return NetworkInterface.networkInterfaces()
          .filter(nic -> {
            try {
              return nic.isUp() && !nic.isLoopback();
            } catch (IOException e) {
              return false;
            }
          })
          .flatMap(NetworkInterface::inetAddresses)
          .filter(address -> address instanceof Inet4Address)
          .findFirst();
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static boolean reachable(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 1000);
      return true;
    } catch (IOException refused) {
      return false;
    }
  }
}
