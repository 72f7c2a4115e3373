package io.seawall.cases;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The case store keeps every write Seawall answered for, as the engine keeps its log. H2 writes a
 * commit to its file only after WRITE_DELAY (500 ms unless set), and a crash inside that window took
 * back cases, refunds and claims Seawall had answered for while the engine went on with them. The
 * shipped URL sets it to 0 (H2 then writes each commit before answering; a process crash cannot take
 * it back, though H2 does not force every commit to the disk: PostgreSQL does, for power loss);
 * this holds a URL of one's own to the same.
 */
@Component
class CaseStoreDurability {

  private static final Logger log = LoggerFactory.getLogger(CaseStoreDurability.class);

  CaseStoreDurability(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      if (!"H2".equals(c.getMetaData().getDatabaseProductName())) {
        return;
      }
      String delay;
      try (Statement s = c.createStatement();
          ResultSet setting = s.executeQuery(
              "select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")) {
        delay = setting.next() ? setting.getString(1) : "0";
      }
      if (!"0".equals(delay)) {
        try (Statement s = c.createStatement()) {
          s.execute("set write_delay 0");
        }
        log.warn("The H2 case store delayed writing commits by {} ms, so a crash could take back answered "
            + "writes; set to 0. Add ;WRITE_DELAY=0 to spring.datasource.url to keep it so.", delay);
      }
    }
  }
}
