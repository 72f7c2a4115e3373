package io.seawall;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The database the tests run on, chosen once per test JVM: {@code SEAWALL_TEST_DB_URL} when set
 * (CI points it at the local PostgreSQL), else PostgreSQL in Testcontainers where Docker runs, else
 * the H2 file database of the embedded default, so {@code ./mvnw verify} passes on a bare machine.
 * PostgreSQL runs get a fresh schema each time. The choice is printed to the build log.
 */
public final class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  static final String SCHEMA = "seawall_test";
  private static final Map<String, Object> CHOSEN = choose();

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("seawallTestDatabase", CHOSEN));
  }

  public static boolean isPostgres() {
    return String.valueOf(CHOSEN.get("spring.datasource.url")).startsWith("jdbc:postgresql:");
  }

  private static Map<String, Object> choose() {
    String url = System.getenv("SEAWALL_TEST_DB_URL");
    if (url != null && !url.isBlank()) {
      String user = envOr("SEAWALL_TEST_DB_USER", "postgres");
      String password = envOr("SEAWALL_TEST_DB_PASSWORD", "");
      return postgres(url, user, password, "PostgreSQL from SEAWALL_TEST_DB_URL");
    }
    if (dockerAvailable()) {
      PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
      container.start();
      return postgres(container.getJdbcUrl(), container.getUsername(), container.getPassword(),
          "PostgreSQL in Testcontainers");
    }
    Path file = Path.of("target", "test-db", "seawall-" + ProcessHandle.current().pid()).toAbsolutePath();
    String h2 = "jdbc:h2:file:" + file + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    announce("H2 file database (no SEAWALL_TEST_DB_URL, no Docker)", h2);
    return Map.of("spring.datasource.url", h2, "spring.datasource.username", "seawall",
        "spring.datasource.password", "");
  }

  private static Map<String, Object> postgres(String url, String user, String password, String how) {
    try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
      s.execute("drop schema if exists " + SCHEMA + " cascade");
      s.execute("create schema " + SCHEMA);
      announce(how + " (" + c.getMetaData().getDatabaseProductName() + " "
          + c.getMetaData().getDatabaseProductVersion() + ", schema " + SCHEMA + ")", url);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot reach the test PostgreSQL at " + url, e);
    }
    String separator = url.contains("?") ? "&" : "?";
    return Map.of(
        "spring.datasource.url", url + separator + "currentSchema=" + SCHEMA,
        "spring.datasource.username", user,
        "spring.datasource.password", password,
        "spring.flyway.default-schema", SCHEMA);
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static void announce(String how, String url) {
    System.out.println("[seawall-tests] database: " + how + " at " + url);
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null ? fallback : value;
  }
}
