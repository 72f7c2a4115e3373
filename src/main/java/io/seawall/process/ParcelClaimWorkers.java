package io.seawall.process;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.seawall.carrier.CarrierClaim;
import io.seawall.resolution.ParcelClaims;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The lost-parcel model's claim steps. Public only because the Camunda starter invokes worker
 * methods reflectively.
 */
@Component
public class ParcelClaimWorkers {

  private final ParcelClaims claims;

  ParcelClaimWorkers(ParcelClaims claims) {
    this.claims = claims;
  }

  @JobWorker(type = "carrier.file-claim", fetchVariables = {"caseId", "claimDescription"})
  public Map<String, Object> file(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    CarrierClaim claim = claims.file(source.caseId(), JobSource.requiredVariable(job, "claimDescription"),
        source.step(), source.actor(), source.key());
    return Map.of("claimId", claim.claimId(), "claimStage", claim.stage().name());
  }

  @JobWorker(type = "carrier.check-claim", fetchVariables = {"caseId", "claimId"})
  public Map<String, Object> check(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    CarrierClaim claim = claims.follow(source.caseId(), JobSource.requiredVariable(job, "claimId"),
        source.step(), source.actor(), source.key());
    Map<String, Object> variables = new HashMap<>();
    variables.put("claimStage", claim.stage().name());
    variables.put("claimApprovedAmount", claim.approvedAmount());
    return variables;
  }
}
