package io.seawall.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Turns the embedded engine on when no Camunda cluster is configured, and points the Camunda client
 * at it. Pointing any of {@link #CLUSTER_PROPERTIES} at a cluster (or setting {@code
 * seawall.engine.embedded=false}) turns it off: switching is configuration only (DESIGN.md rule 6).
 */
class EmbeddedEngineSwitch implements EnvironmentPostProcessor, Ordered {

  static final String EMBEDDED = "seawall.engine.embedded";
  static final String PORT = "seawall.engine.port";
  static final String REST_PORT = "seawall.engine.rest-port";
  static final String HOST = "seawall.engine.host";

  static final List<String> CLUSTER_PROPERTIES =
      List.of(
          "camunda.client.mode",
          "camunda.client.grpc-address",
          "camunda.client.rest-address",
          "camunda.client.cloud.cluster-id");

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
    boolean clusterConfigured = CLUSTER_PROPERTIES.stream().anyMatch(env::containsProperty);
    boolean embedded = env.getProperty(EMBEDDED, Boolean.class, !clusterConfigured);
    Map<String, Object> props = new LinkedHashMap<>();
    props.put(EMBEDDED, embedded);
    if (embedded) {
      String host = env.getProperty(HOST, "127.0.0.1");
      int port = concretePort(env.getProperty(PORT, Integer.class, 26500));
      int restPort = concretePort(env.getProperty(REST_PORT, Integer.class, 8088));
      String reachable = isWildcard(host) ? "127.0.0.1" : host;
      props.put(PORT, port);
      props.put(REST_PORT, restPort);
      props.put("camunda.client.grpc-address", "http://" + reachable + ":" + port);
      props.put("camunda.client.rest-address", "http://" + reachable + ":" + restPort);
      // The embedded engine serves over REST only the user-task commands and the clock.
      props.put("camunda.client.prefer-rest-over-grpc", false);
    }
    env.getPropertySources().addFirst(new MapPropertySource("seawallEmbeddedEngine", props));
  }

  private static int concretePort(int configured) {
    return configured == 0 ? freeLoopbackPort() : configured;
  }

  private static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::");
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("No free port for the embedded engine", e);
    }
  }

  @Override
  public int getOrder() {
    // After application.yml and friends are loaded, so their settings are seen.
    return Ordered.LOWEST_PRECEDENCE - 10;
  }
}
