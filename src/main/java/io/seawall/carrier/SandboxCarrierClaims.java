package io.seawall.carrier;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Carrier claims without a carrier account, on the engine's time: a claim is in review a day after it
 * is filed and decided seven days after: rejected for a sandbox number starting {@code SW9} (the
 * carrier shows a delivery scan), approved for the amount claimed otherwise. Claims are kept in the
 * database, keyed like a provider's idempotency key.
 */
@Component
@ConditionalOnProperty(name = "seawall.carrier.claims", havingValue = "sandbox", matchIfMissing = true)
class SandboxCarrierClaims implements CarrierClaims {

  static final Duration REVIEW_STARTS = Duration.ofDays(1);
  static final Duration DECIDED = Duration.ofDays(7);

  private final JdbcClient db;
  private final InstantSource clock;

  SandboxCarrierClaims(JdbcClient db, @Qualifier("engineTime") InstantSource clock) {
    this.db = db;
    this.clock = clock;
  }

  @Override
  public CarrierClaim file(ClaimRequest request, String idempotencyKey) {
    Optional<String> earlier = claimIdOf(idempotencyKey);
    if (earlier.isPresent()) {
      return read(earlier.get());
    }
    String claimId = "sandbox-claim-" + UUID.randomUUID();
    try {
      db.sql("""
              insert into sandbox_carrier_claim
                (idempotency_key, claim_id, tracking_number, amount, currency, filed_at)
              values (?, ?, ?, ?, ?, ?)""")
          .params(idempotencyKey, claimId, request.trackingNumber(), request.amount(), request.currency(),
              Timestamp.from(clock.instant()))
          .update();
    } catch (DuplicateKeyException concurrent) {
      return read(claimIdOf(idempotencyKey).orElseThrow());
    }
    return read(claimId);
  }

  @Override
  public CarrierClaim read(String claimId) {
    return db.sql("select tracking_number, amount, currency, filed_at from sandbox_carrier_claim where claim_id = ?")
        .param(claimId)
        .query((rs, n) -> {
          Instant filedAt = rs.getTimestamp("filed_at").toInstant();
          Instant now = clock.instant();
          String currency = rs.getString("currency");
          if (now.isBefore(filedAt.plus(REVIEW_STARTS))) {
            return new CarrierClaim(claimId, CarrierClaim.Stage.SUBMITTED, null, currency, null);
          }
          if (now.isBefore(filedAt.plus(DECIDED))) {
            return new CarrierClaim(claimId, CarrierClaim.Stage.IN_REVIEW, null, currency, null);
          }
          if (rs.getString("tracking_number").startsWith("SW9")) {
            return new CarrierClaim(claimId, CarrierClaim.Stage.REJECTED, null, currency,
                "the carrier's records show the parcel delivered");
          }
          return new CarrierClaim(claimId, CarrierClaim.Stage.APPROVED, rs.getBigDecimal("amount"), currency, null);
        })
        .optional()
        .orElseThrow(() -> new CarrierFailure.Refused("CLAIM_NOT_FOUND", "No claim " + claimId));
  }

  private Optional<String> claimIdOf(String idempotencyKey) {
    return db.sql("select claim_id from sandbox_carrier_claim where idempotency_key = ?")
        .param(idempotencyKey).query(String.class).optional();
  }
}
