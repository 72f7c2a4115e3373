package io.seawall.resolution;

import io.seawall.carrier.CarrierClaim;
import io.seawall.carrier.CarrierClaims;
import io.seawall.carrier.ClaimRequest;
import io.seawall.cases.CaseFacts;
import io.seawall.cases.CaseReferences;
import io.seawall.cases.Cases;
import io.seawall.cases.ReferenceKind;
import io.seawall.cases.ShipmentFacts;
import io.seawall.cases.TimelineKind;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * The seller's claim against the carrier for a lost parcel: filed once per case for the order's
 * value, and followed until the carrier pays or refuses.
 */
@Service
public class ParcelClaims {

  private final Cases cases;
  private final CaseReferences references;
  private final CarrierClaims claims;
  private final StepEffects effects;

  ParcelClaims(Cases cases, CaseReferences references, CarrierClaims claims, StepEffects effects) {
    this.cases = cases;
    this.references = references;
    this.claims = claims;
    this.effects = effects;
  }

  /**
   * Files the loss claim for the case's first shipment.
   *
   * @param description what the carrier needs to know (written by an agent; no personal data)
   */
  public CarrierClaim file(UUID caseId, String description, String step, String actor, String sourceKey) {
    CaseFacts c = cases.facts(caseId);
    ShipmentFacts parcel = cases.firstShipment(caseId).orElseThrow(() -> new IllegalStateException(
        "Case " + caseId + " names no shipment to claim for"));
    String key = caseId + ":" + step;
    CarrierClaim claim = effects.once(key, CarrierClaim.class, () -> claims.file(new ClaimRequest(parcel.carrier(),
        parcel.trackingNumber(), ClaimRequest.Kind.LOSS, c.orderValue(), c.currency(), description), key));
    references.link(caseId, ReferenceKind.CARRIER_CLAIM, claim.claimId());
    cases.record(caseId, TimelineKind.CLAIM_FILED, step, actor,
        "loss claim " + claim.claimId() + " filed with " + parcel.carrier() + " for "
            + c.orderValue().toPlainString() + " " + c.currency(),
        sourceKey);
    return claim;
  }

  /** Where the claim stands; the carrier's decision lands on the timeline. */
  public CarrierClaim follow(UUID caseId, String claimId, String step, String actor, String sourceKey) {
    CarrierClaim claim = claims.read(claimId);
    switch (claim.stage()) {
      case APPROVED -> cases.record(caseId, TimelineKind.CLAIM_REIMBURSED, step, actor,
          "claim " + claimId + " approved: " + claim.approvedAmount().toPlainString() + " " + claim.currency(),
          sourceKey);
      case REJECTED, CANCELLED -> cases.record(caseId, TimelineKind.CLAIM_REJECTED, step, actor,
          "claim " + claimId + " " + claim.stage().name().toLowerCase()
              + (claim.note() == null ? "" : ": " + claim.note()),
          sourceKey);
      case SUBMITTED, IN_REVIEW, NEEDS_ACTION -> {
        // Not decided yet: the flow asks again later.
      }
    }
    return claim;
  }
}
