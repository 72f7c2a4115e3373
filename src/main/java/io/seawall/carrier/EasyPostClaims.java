package io.seawall.carrier;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@link CarrierClaims} on EasyPost's Claims API (https://docs.easypost.com/docs/insurance/claims):
 * {@code POST /claims} files a loss or damage claim for a parcel EasyPost insured, {@code GET
 * /claims/{id}} follows it. EasyPost insures and pays in US dollars, so a claim in another currency is
 * refused here rather than sent with the wrong unit.
 *
 * <p>EasyPost has no idempotency key. Each key's row is written before the claim is filed and its
 * claim id right after; a repeated step that finds the id answers that claim, and one that finds a
 * row without an id (the earlier answer was lost) first looks among the claims filed since for one
 * on the same tracking number, and files only if there is none.
 */
final class EasyPostClaims implements CarrierClaims {

  /** EasyPost's clock and Seawall's may differ a little; a claim filed just before still counts. */
  private static final Duration CLOCK_SLACK = Duration.ofMinutes(5);
  private static final int PAGE_SIZE = 100;

  private final EasyPostClient easyPost;
  private final String contactEmail;
  private final JdbcClient db;
  private final Clock clock;

  EasyPostClaims(EasyPostClient easyPost, String contactEmail, JdbcClient db, Clock clock) {
    this.easyPost = easyPost;
    this.contactEmail = contactEmail;
    this.db = db;
    this.clock = clock;
  }

  @Override
  public CarrierClaim file(ClaimRequest request, String idempotencyKey) {
    if (!"USD".equals(request.currency())) {
      throw new CarrierFailure.Refused("CURRENCY_NOT_SUPPORTED",
          "EasyPost insures and pays claims in USD; this claim is in " + request.currency());
    }
    String type = request.kind().name().toLowerCase(Locale.ROOT);
    Optional<Book> book = bookOf(idempotencyKey);
    if (book.isPresent() && book.get().claimId() != null) {
      return read(book.get().claimId());
    }
    Instant now = clock.instant();
    if (book.isPresent() || !open(idempotencyKey, request, type, now)) {
      Book earlier = bookOf(idempotencyKey).orElseThrow();
      if (earlier.claimId() != null) {
        return read(earlier.claimId());
      }
      Optional<Claim> filed = filedSince(earlier.lastTriedAt(), type, request.trackingNumber());
      if (filed.isPresent()) {
        return recorded(idempotencyKey, filed.get());
      }
      db.sql("update easypost_claim set last_tried_at = ? where idempotency_key = ?")
          .params(Timestamp.from(now), idempotencyKey)
          .update();
    }
    Claim claim = easyPost.post("/claims", new NewClaim(type, request.trackingNumber(),
        request.amount().setScale(2, RoundingMode.HALF_UP).toPlainString(), request.description(), contactEmail),
        Claim.class);
    return recorded(idempotencyKey, claim);
  }

  @Override
  public CarrierClaim read(String claimId) {
    return claimOf(easyPost.get("/claims/{id}", Claim.class, claimId));
  }

  private CarrierClaim recorded(String idempotencyKey, Claim claim) {
    db.sql("update easypost_claim set claim_id = ?, filed_at = ? where idempotency_key = ?")
        .params(claim.id(), Timestamp.from(clock.instant()), idempotencyKey)
        .update();
    return claimOf(claim);
  }

  /** The newest claim on the tracking number filed since the earlier attempt began, if any. */
  private Optional<Claim> filedSince(Instant triedAt, String type, String trackingNumber) {
    ClaimList recent = easyPost.get(uri -> uri.path("/claims")
        .queryParam("type", type)
        .queryParam("start_datetime", triedAt.minus(CLOCK_SLACK).truncatedTo(ChronoUnit.SECONDS).toString())
        .queryParam("page_size", PAGE_SIZE)
        .build(), ClaimList.class);
    return (recent.claims() == null ? List.<Claim>of() : recent.claims()).stream()
        .filter(claim -> trackingNumber.equals(claim.trackingCode()) && claim.id() != null)
        .max(Comparator.comparing(claim -> claim.createdAt() == null ? "" : claim.createdAt()));
  }

  private static CarrierClaim claimOf(Claim claim) {
    if (claim.id() == null) {
      throw new CarrierFailure.Unavailable("EasyPost answered a claim without an id", null);
    }
    String status = claim.status() == null ? "" : claim.status();
    CarrierClaim.Stage stage = switch (status) {
      case "submitted" -> CarrierClaim.Stage.SUBMITTED;
      case "in_review" -> CarrierClaim.Stage.IN_REVIEW;
      case "needs_action" -> CarrierClaim.Stage.NEEDS_ACTION;
      case "approved", "approved_partial" -> CarrierClaim.Stage.APPROVED;
      case "rejected" -> CarrierClaim.Stage.REJECTED;
      case "cancelled" -> CarrierClaim.Stage.CANCELLED;
      // Guessing would send a case down the wrong path; failing shows that Seawall must learn it.
      default -> throw new CarrierFailure.Unavailable(
          "EasyPost answered a claim status Seawall does not know: " + claim.status(), null);
    };
    // EasyPost's status detail is what it asks for (needs_action) or why it said no (rejected).
    String note = switch (status) {
      case "needs_action", "rejected", "cancelled" -> claim.statusDetail();
      case "approved_partial" -> claim.statusDetail() == null
          ? "approved in part" : "approved in part: " + claim.statusDetail();
      default -> null;
    };
    return new CarrierClaim(claim.id(), stage,
        stage == CarrierClaim.Stage.APPROVED ? claim.approvedAmount() : null, "USD", note);
  }

  /** Answers whether this attempt opened the row; false when another had opened it first. */
  private boolean open(String idempotencyKey, ClaimRequest request, String type, Instant now) {
    try {
      db.sql("""
              insert into easypost_claim (idempotency_key, tracking_number, kind, last_tried_at)
              values (?, ?, ?, ?)""")
          .params(idempotencyKey, request.trackingNumber(), type, Timestamp.from(now))
          .update();
      return true;
    } catch (DuplicateKeyException concurrent) {
      return false;
    }
  }

  private Optional<Book> bookOf(String idempotencyKey) {
    return db.sql("select claim_id, last_tried_at from easypost_claim where idempotency_key = ?")
        .param(idempotencyKey)
        .query((rs, n) -> new Book(rs.getString("claim_id"), rs.getTimestamp("last_tried_at").toInstant()))
        .optional();
  }

  private record Book(String claimId, Instant lastTriedAt) {}

  record NewClaim(String type, String trackingCode, String amount, String description, String contactEmail) {}

  record ClaimList(List<Claim> claims) {}

  record Claim(
      String id, String status, String statusDetail, String trackingCode, BigDecimal approvedAmount,
      String createdAt) {}
}
