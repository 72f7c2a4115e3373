package io.seawall.process;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.seawall.carrier.ParcelWatch;
import io.seawall.marketplace.MarketplaceFailure;
import io.seawall.marketplace.ReturnRefused;
import io.seawall.resolution.Returns;
import io.seawall.warehouse.ReturnArrival;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The service tasks of the return and reship models that talk to marketplaces, carriers and
 * warehouses about the buyer's parcels; each hands over to its capability. Public only because the
 * Camunda starter invokes worker methods reflectively.
 */
@Component
public class ReturnStepWorkers {

  private final Returns returns;
  private final ParcelWatch parcels;

  ReturnStepWorkers(Returns returns, ParcelWatch parcels) {
    this.returns = returns;
    this.parcels = parcels;
  }

  /** A marketplace that refuses the return, or cannot approve one by API, gives it to an agent (RETURN_REFUSED). */
  @JobWorker(type = "marketplace.authorise-return", fetchVariables = "caseId")
  public Map<String, Object> authorise(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    try {
      return Map.of("returnId", returns.authorise(source.caseId(), source.step(), source.actor(), source.key()));
    } catch (ReturnRefused | MarketplaceFailure.Unsupported refused) {
      throw CamundaError.bpmnError("RETURN_REFUSED", refused.getMessage());
    }
  }

  /**
   * Declines the buyer's request on the marketplace; one that will not (or cannot by API) decline
   * it gives the case to an agent (DECLINE_REFUSED).
   */
  @JobWorker(type = "marketplace.decline-return", fetchVariables = {"caseId", "returnEligibility"})
  public void decline(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    Object eligibility = job.getVariablesAsMap().get("returnEligibility") instanceof Map<?, ?> verdict
        ? verdict.get("eligibility") : null;
    try {
      returns.decline(source.caseId(), eligibility == null ? null : eligibility.toString(), source.step(),
          source.actor(), source.key());
    } catch (ReturnRefused | MarketplaceFailure.Unsupported refused) {
      throw CamundaError.bpmnError("DECLINE_REFUSED", refused.getMessage());
    }
  }

  @JobWorker(type = "marketplace.cancel-return", fetchVariables = "caseId")
  public void cancelAuthorisation(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    returns.cancelAuthorisation(source.caseId(), source.step(), source.actor(), source.key());
  }

  @JobWorker(type = "carrier.quote-return-label", fetchVariables = "caseId")
  public Map<String, Object> quote(ActivatedJob job) {
    Returns.ReturnQuote quote = returns.quote(JobSource.of(job).caseId());
    Map<String, Object> variables = new HashMap<>();
    variables.put("returnSite", quote.site());
    variables.put("labelCost", quote.cost());
    variables.put("labelCurrency", quote.currency());
    variables.put("labelCostInOrderCurrency", quote.costInOrderCurrency());
    variables.put("labelCostsMoreThanItem", quote.costsMoreThanItem());
    return variables;
  }

  @JobWorker(type = "carrier.send-return-label", fetchVariables = "caseId")
  public Map<String, Object> sendLabel(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    Returns.SentLabel label = returns.sendLabel(source.caseId(), source.step(), source.actor(), source.key());
    return Map.of(
        "returnLabelId", label.labelId(),
        "returnCarrier", label.carrier(),
        "returnTrackingNumber", label.trackingNumber(),
        "returnSite", label.site(),
        "returnShipBy", label.shipBy().toString());
  }

  @JobWorker(type = "carrier.void-return-label", fetchVariables = {"caseId", "returnLabelId"})
  public void voidLabel(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    returns.voidLabel(source.caseId(), JobSource.requiredVariable(job, "returnLabelId"), source.step(), source.actor(), source.key());
  }

  /** Task header {@code parcel}: RETURN (the buyer's parcel back) or RESHIP (the replacement). */
  @JobWorker(type = "carrier.read-parcel",
      fetchVariables = {"caseId", "returnCarrier", "returnTrackingNumber", "reshipCarrier", "reshipTrackingNumber"})
  public Map<String, Object> readParcel(ActivatedJob job) {
    String prefix = switch (JobSource.requiredHeader(job, "parcel")) {
      case "RETURN" -> "return";
      case "RESHIP" -> "reship";
      default -> throw new IllegalStateException(
          "Task " + job.getElementId() + ": header 'parcel' must be RETURN or RESHIP");
    };
    return Map.of("trackingStatus", parcels.follow(
        JobSource.requiredVariable(job, prefix + "Carrier"), JobSource.requiredVariable(job, prefix + "TrackingNumber")).status().name());
  }

  @JobWorker(type = "warehouse.check-return", fetchVariables = {"caseId", "returnSite"})
  public Map<String, Object> checkReturn(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    ReturnArrival arrival = returns.arrival(source.caseId(), JobSource.requiredVariable(job, "returnSite"), source.step(),
        source.actor(), source.key());
    Map<String, Object> variables = new HashMap<>();
    variables.put("returnStage", arrival.stage().name());
    variables.put("inspectionResult", arrival.inspection() == null ? null : arrival.inspection().name());
    variables.put("inspectionNote", arrival.note());
    return variables;
  }

}
