package io.seawall.process;

import io.camunda.client.annotation.JobWorker;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.seawall.resolution.Reshipments;
import io.seawall.warehouse.OutboundOrder;
import io.seawall.warehouse.OutboundRefused;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The service tasks of the reship model that talk to the overseas warehouse. A warehouse's refusal
 * is a business outcome: the BPMN error {@code OUTBOUND_REFUSED} with {@code reshipProblem} set.
 * Public only because the Camunda starter invokes worker methods reflectively.
 */
@Component
public class ReshipStepWorkers {

  private final Reshipments reshipments;

  ReshipStepWorkers(Reshipments reshipments) {
    this.reshipments = reshipments;
  }

  @JobWorker(type = "warehouse.place-outbound", fetchVariables = {"caseId", "outboundAttempt", "warehouseSite"})
  public Map<String, Object> place(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    Map<String, Object> in = job.getVariablesAsMap();
    int attempt = in.get("outboundAttempt") == null ? 1 : ((Number) in.get("outboundAttempt")).intValue();
    Object site = in.get("warehouseSite");
    try {
      OutboundOrder order = reshipments.place(source.caseId(), attempt, site == null ? null : site.toString(),
          source.step(), source.actor(), source.key());
      return Map.of("outboundReference", order.reference(), "warehouseSite", order.site(),
          "outboundStage", order.stage().name());
    } catch (OutboundRefused refused) {
      Map<String, Object> problem = new HashMap<>();
      problem.put("reshipProblem", refused.problem());
      problem.put("reshipProblemDetail", refused.getMessage());
      throw CamundaError.bpmnError("OUTBOUND_REFUSED", refused.getMessage(), problem);
    }
  }

  @JobWorker(type = "warehouse.follow-outbound", fetchVariables = {"caseId", "outboundReference"})
  public Map<String, Object> follow(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    OutboundOrder order = reshipments.follow(source.caseId(), JobSource.requiredVariable(job, "outboundReference"),
        source.step(), source.actor(), source.key());
    Map<String, Object> variables = new HashMap<>();
    variables.put("outboundStage", order.stage().name());
    variables.put("reshipCarrier", order.carrier());
    variables.put("reshipTrackingNumber", order.trackingNumber());
    return variables;
  }

  @JobWorker(type = "warehouse.cancel-outbound", fetchVariables = "caseId")
  public Map<String, Object> cancel(ActivatedJob job) {
    JobSource source = JobSource.of(job);
    return Map.of("outboundOrdersCancelled",
        reshipments.cancelUnshipped(source.caseId(), source.step(), source.actor(), source.key()));
  }
}
