package io.seawall;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The database the tests run on, chosen once per test JVM: {@code SEAWALL_TEST_DB_URL} when set
 * (CI points it at the local PostgreSQL), else PostgreSQL in Testcontainers where Docker runs, else
 * the H2 file database of the embedded default, so {@code ./mvnw verify} passes on a bare machine.
 *
 * <p>Every application context gets a database of its own (a fresh schema on PostgreSQL, a file on
 * H2): a context is one Seawall with its own embedded engine, and two of them sharing a case store
 * would take each other's work (intake's inbox, listener jobs) to the wrong engine. The choice is
 * printed to the build log.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private static final Server SERVER = choose();
  private static final AtomicInteger CONTEXTS = new AtomicInteger();

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context.getEnvironment().getPropertySources()
        .addFirst(new MapPropertySource("seawallTestDatabase", SERVER.databaseFor(CONTEXTS.incrementAndGet())));
  }

  private static Server choose() {
    String url = System.getenv("SEAWALL_TEST_DB_URL");
    if (url != null && !url.isBlank()) {
      return announce(new Server(url, envOr("SEAWALL_TEST_DB_USER", "postgres"),
          envOr("SEAWALL_TEST_DB_PASSWORD", ""), "PostgreSQL from SEAWALL_TEST_DB_URL"));
    }
    if (dockerAvailable()) {
      PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
      container.start();
      return announce(new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
          "PostgreSQL in Testcontainers"));
    }
    return announce(new Server(null, "seawall", "", "H2 file database (no SEAWALL_TEST_DB_URL, no Docker)"));
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static Server announce(Server server) {
    System.out.println("[seawall-tests] database: " + server.how() + (server.url() == null ? "" : " at " + server.url()));
    return server;
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }

  /** Where test databases live: a PostgreSQL server ({@code url}), or H2 files when {@code url} is null. */
  private record Server(String url, String user, String password, String how) {

    Map<String, Object> databaseFor(int context) {
      if (url == null) {
        Path file = Path.of("target", "test-db", "seawall-" + ProcessHandle.current().pid() + "-" + context)
            .toAbsolutePath();
        return Map.of(
            "spring.datasource.url",
            "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0",
            "spring.datasource.username", user,
            "spring.datasource.password", password);
      }
      String schema = "seawall_test_" + context;
      try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
        s.execute("drop schema if exists " + schema + " cascade");
        s.execute("create schema " + schema);
        System.out.println("[seawall-tests] context " + context + ": " + c.getMetaData().getDatabaseProductName() + " "
            + c.getMetaData().getDatabaseProductVersion() + ", schema " + schema);
      } catch (SQLException e) {
        throw new IllegalStateException("Cannot reach the test PostgreSQL at " + url, e);
      }
      String separator = url.contains("?") ? "&" : "?";
      // The test JVM keeps every context it started (one per configuration), each with its own pool: at
      // Hikari's default of 10 idle connections each they passed PostgreSQL's 100 ("too many clients").
      return Map.of(
          "spring.datasource.url", url + separator + "currentSchema=" + schema,
          "spring.datasource.username", user,
          "spring.datasource.password", password,
          "spring.datasource.hikari.minimum-idle", "1",
          "spring.datasource.hikari.maximum-pool-size", "8",
          "spring.datasource.hikari.idle-timeout", "30000",
          "spring.flyway.default-schema", schema);
    }
  }
}
