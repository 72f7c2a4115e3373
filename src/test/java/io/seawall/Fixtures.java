package io.seawall;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.ClassPathResource;

/** The providers' documented payloads kept under the test resources, and a port nothing listens on. */
public final class Fixtures {

  private Fixtures() {}

  /** A test resource as text, e.g. {@code "marketplace/shopify/order-200.json"}. */
  public static String text(String path) {
    try {
      return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
    } catch (IOException missing) {
      throw new UncheckedIOException(missing);
    }
  }

  /** A local port that was free a moment ago: connecting to it is refused, as to a provider that is down. */
  public static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException noPort) {
      throw new UncheckedIOException(noPort);
    }
  }
}
