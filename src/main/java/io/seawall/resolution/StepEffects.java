package io.seawall.resolution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seawall.engine.EngineTime;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seawall's own record of the money and goods its steps moved (DESIGN rule 2), next to the
 * providers' idempotency keys: jobs are delivered at least once, and a step repeated after a crash
 * answers what the provider said the first time, without calling it again. Results hold provider
 * references and amounts, never buyer data.
 */
@Component
class StepEffects {

  private static final Logger log = LoggerFactory.getLogger(StepEffects.class);

  private final JdbcClient db;
  private final ObjectMapper json;
  private final EngineTime time;

  StepEffects(JdbcClient db, ObjectMapper json, EngineTime time) {
    this.db = db;
    this.json = json;
    this.time = time;
  }

  /**
   * The effect's result: the recorded one if this key ran before, else what {@code effect}
   * answers, recorded before it is returned. An effect that throws records nothing.
   */
  <T> T once(String key, Class<T> type, Supplier<T> effect) {
    Optional<T> earlier = recorded(key, type);
    if (earlier.isPresent()) {
      log.info("Step effect {} was done before; answering its recorded result", key);
      return earlier.get();
    }
    T result = effect.get();
    try {
      db.sql("insert into step_effect (effect_key, kind, result, recorded_at) values (?, ?, ?, ?)")
          .params(key, type.getSimpleName(), json.writeValueAsString(result), Timestamp.from(time.now()))
          .update();
    } catch (DuplicateKeyException raced) {
      // A concurrent run of the same step got there first; the provider's key made both one effect.
      return recorded(key, type).orElseThrow();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot record the result of step effect " + key, e);
    }
    return result;
  }

  private <T> Optional<T> recorded(String key, Class<T> type) {
    return db.sql("select result from step_effect where effect_key = ?")
        .param(key)
        .query(String.class)
        .optional()
        .map(text -> {
          try {
            return json.readValue(text, type);
          } catch (JsonProcessingException e) {
            throw new IllegalStateException("The recorded result of step effect " + key + " is unreadable", e);
          }
        });
  }
}
