package io.seawall.carrier;

import io.seawall.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcClientAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The test database with Seawall's migrations applied, and nothing else of the application, for the
 * EasyPost adapters' own books. Started once per test JVM; tests keep apart by unique keys.
 */
final class EasyPostBooks {

  private static JdbcClient db;

  private EasyPostBooks() {}

  static synchronized JdbcClient db() {
    if (db == null) {
      db = new SpringApplicationBuilder(Database.class)
          .web(WebApplicationType.NONE)
          .initializers(new TestDatabase())
          .run("--spring.main.banner-mode=off")
          .getBean(JdbcClient.class);
    }
    return db;
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration({DataSourceAutoConfiguration.class, FlywayAutoConfiguration.class,
      JdbcTemplateAutoConfiguration.class, JdbcClientAutoConfiguration.class})
  static class Database {}
}
