package io.seawall.process;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.seawall.carrier.ParcelCheck;
import io.seawall.cases.Cases;
import io.seawall.marketplace.MarketplaceFailure;
import io.seawall.marketplace.RefundReceipt;
import io.seawall.marketplace.RefundRefused;
import io.seawall.resolution.BuyerNotices;
import io.seawall.resolution.Refunds;
import io.seawall.sla.StepClocks;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The service tasks of the after-sales models; each hands over to its capability. Public only
 * because the Camunda starter invokes worker methods reflectively.
 */
@Component
public class CaseStepWorkers {

  private final Cases cases;
  private final Refunds refunds;
  private final BuyerNotices notices;
  private final ParcelCheck parcels;
  private final StepClocks clocks;

  CaseStepWorkers(Cases cases, Refunds refunds, BuyerNotices notices, ParcelCheck parcels, StepClocks clocks) {
    this.clocks = clocks;
    this.cases = cases;
    this.refunds = refunds;
    this.notices = notices;
    this.parcels = parcels;
  }

  /** Refunds {@code refundAmount} when the model set one (a return's settlement), else the whole order. */
  @JobWorker(type = "marketplace.refund", fetchVariables = {"caseId", "refundAmount"})
  public Map<String, Object> issueRefund(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    Object amount = job.getVariablesAsMap().get("refundAmount");
    try {
      RefundReceipt receipt = refunds.refund(source.caseId(),
          amount == null ? null : new BigDecimal(amount.toString()), source.step(), source.actor(), source.key());
      return Map.of("refundId", receipt.refundId(), "refundedAmount", receipt.amount());
    } catch (RefundRefused refused) {
      throw CamundaError.bpmnError("REFUND_REFUSED", refused.getMessage());
    } catch (MarketplaceFailure.Unsupported noApi) {
      // The marketplace cannot refund through its API: the same agent task settles it by hand.
      throw CamundaError.bpmnError("REFUND_REFUSED", noApi.getMessage());
    }
  }

  @JobWorker(type = "carrier.check-tracking", fetchVariables = {"caseId", "reason"})
  public Map<String, Object> checkTracking(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    ParcelCheck.ParcelReading parcel = parcels.check(
        source.caseId(), "DELIVERED_NOT_RECEIVED".equals(job.getVariablesAsMap().get("reason")));
    Map<String, Object> variables = new HashMap<>();
    variables.put("trackingStatus", parcel.status().name());
    variables.put("daysSinceLastScan", parcel.daysSinceLastScan());
    variables.put("carrierClass", parcel.carrierClass());
    variables.put("lane", parcel.lane());
    variables.put("deliveredNotReceived", parcel.deliveredNotReceived());
    variables.put("firstScanAt", parcel.firstScanAt() == null ? null : parcel.firstScanAt().toString());
    return variables;
  }

  @JobWorker(type = "case.buyer-history", fetchVariables = "caseId")
  public Map<String, Object> checkBuyerHistory(ActivatedJob job) {
    return Map.of("priorKeepTheItemRefunds", cases.priorKeepTheItemRefunds(JobSource.of(job).caseId()));
  }

  /**
   * Task header {@code template}: the notice; optional header {@code parcel} (RETURN or RESHIP):
   * which tracking number it quotes. A refund notice quotes {@code refundedAmount}; a return label's
   * notice the date {@code returnShipBy}.
   */
  @JobWorker(type = "buyer.notify", fetchVariables = {
      "caseId", "refundedAmount", "returnTrackingNumber", "reshipTrackingNumber", "returnShipBy"})
  public Map<String, Object> tellBuyer(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    Map<String, Object> in = job.getVariablesAsMap();
    String parcel = job.getCustomHeaders().get("parcel");
    Object tracking = "RESHIP".equals(parcel) ? in.get("reshipTrackingNumber")
        : "RETURN".equals(parcel) ? in.get("returnTrackingNumber") : null;
    BuyerNotices.NoticeDetails details = new BuyerNotices.NoticeDetails(
        in.get("refundedAmount") == null ? null : new BigDecimal(in.get("refundedAmount").toString()),
        tracking == null ? null : tracking.toString(),
        in.get("returnShipBy") == null ? null : Instant.parse(in.get("returnShipBy").toString()));
    String language = notices.tell(source.caseId(), JobSource.requiredHeader(job, "template"), details,
        source.step(), source.actor(), source.key());
    return Map.of("noticeLanguage", language);
  }

  @JobWorker(type = "case.await-agent", fetchVariables = "caseId")
  public void handToAgent(ActivatedJob job) {
    cases.waitForAgent(JobSource.of(job).caseId());
  }

  @JobWorker(type = "case.close", fetchVariables = {"caseId", "agentResolution"})
  public void close(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    String resolution = JobSource.requiredHeader(job, "resolution");
    Object agentResolution = job.getVariablesAsMap().get("agentResolution");
    if (agentResolution != null) {
      resolution = resolution + ":" + agentResolution;
    }
    cases.resolve(source.caseId(), resolution, source.step(), source.actor(), source.key());
    clocks.caseClosed(source.caseId());
  }
}
