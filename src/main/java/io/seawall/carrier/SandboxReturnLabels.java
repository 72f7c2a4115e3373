package io.seawall.carrier;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.InstantSource;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Return labels without a carrier account. A domestic return (to a site in the buyer's country)
 * costs 7.50 USD, a cross-border one 38.00 USD, like an economy postal return to China. The label's
 * sandbox tracking number ends in the story digit of {@link SandboxCarrierTracking} taken from the
 * last character of the label's reference when that is a digit (else 4, delivered), so a demo or a
 * test chooses what the buyer does: {@code 1} ships nothing, {@code 2} is on its way, {@code 4} has
 * arrived. Bought labels are kept in the database, keyed like a provider's idempotency key.
 */
@Component
@ConditionalOnProperty(name = "seawall.carrier.labels", havingValue = "sandbox", matchIfMissing = true)
class SandboxReturnLabels implements ReturnLabels {

  static final BigDecimal DOMESTIC = new BigDecimal("7.50");
  static final BigDecimal CROSS_BORDER = new BigDecimal("38.00");

  private final JdbcClient db;
  private final InstantSource clock;

  SandboxReturnLabels(JdbcClient db, @Qualifier("engineTime") InstantSource clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public LabelQuote quote(ReturnLabelRequest request) {
    boolean domestic = request.fromCountry().equals(request.toCountry());
    return new LabelQuote("sandbox-post", domestic ? "Domestic Return" : "International Economy Return",
        domestic ? DOMESTIC : CROSS_BORDER, "USD");
  }

  @Override
  public ReturnLabel buy(ReturnLabelRequest request, String idempotencyKey) {
    List<ReturnLabel> earlier = earlier(idempotencyKey);
    if (!earlier.isEmpty()) {
      return earlier.getFirst();
    }
    LabelQuote quote = quote(request);
    char last = request.reference().charAt(request.reference().length() - 1);
    char story = Character.isDigit(last) ? last : '4';
    String tracking = "SW%09d%c".formatted(ThreadLocalRandom.current().nextInt(1_000_000_000), story);
    String labelId = "sandbox-label-" + UUID.randomUUID();
    try {
      db.sql("""
              insert into sandbox_carrier_label
                (idempotency_key, label_id, carrier, tracking_number, cost, currency, created_at)
              values (?, ?, ?, ?, ?, ?, ?)""")
          .params(idempotencyKey, labelId, quote.carrier(), tracking, quote.cost(), quote.currency(),
              Timestamp.from(clock.instant()))
          .update();
    } catch (DuplicateKeyException concurrent) {
      return earlier(idempotencyKey).getFirst();
    }
    return earlier(idempotencyKey).getFirst();
  }

  @Override
  public void voidLabel(String labelId) {
    int found = db.sql("update sandbox_carrier_label set voided_at = coalesce(voided_at, ?) where label_id = ?")
        .params(Timestamp.from(clock.instant()), labelId)
        .update();
    if (found == 0) {
      throw new CarrierFailure.Refused("LABEL_NOT_FOUND", "No label " + labelId);
    }
  }

  private List<ReturnLabel> earlier(String key) {
    return db.sql("""
            select label_id, carrier, tracking_number, cost, currency from sandbox_carrier_label
            where idempotency_key = ?""")
        .param(key)
        .query((rs, n) -> new ReturnLabel(rs.getString(1), rs.getString(2), rs.getString(3),
            "https://sandbox.seawall.invalid/labels/" + rs.getString(1) + ".pdf", rs.getBigDecimal(4),
            rs.getString(5)))
        .list();
  }
}
