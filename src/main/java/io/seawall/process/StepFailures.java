package io.seawall.process;

import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.exception.CamundaError;
import io.camunda.client.exception.JobError;
import io.camunda.client.jobhandling.CommandExceptionHandlingStrategy;
import io.camunda.client.jobhandling.DefaultJobExceptionHandlingStrategy;
import io.camunda.client.jobhandling.JobExceptionHandlingStrategy;
import io.camunda.client.metrics.MetricsRecorder;
import io.seawall.carrier.CarrierFailure;
import io.seawall.cases.CaseProblem;
import io.seawall.cases.StoreDisagreements;
import io.seawall.marketplace.MarketplaceFailure;
import io.seawall.warehouse.WarehouseFailure;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What a failed step tells the engine. Technical failures of carriers, warehouses and marketplaces
 * are retried within the task's retry budget with a back-off (the provider's Retry-After when it
 * gives one); bad credentials are not retried; when the budget is spent the incident says what
 * failed and what an operator should do. Business outcomes ({@code CamundaError}) pass unchanged.
 */
@Component
class StepFailures implements JobExceptionHandlingStrategy {

  private static final Logger log = LoggerFactory.getLogger(StepFailures.class);

  private final DefaultJobExceptionHandlingStrategy engineDefault;
  private final StoreDisagreements disagreements;
  private final StepIncidents incidents;

  StepFailures(
      CommandExceptionHandlingStrategy commands,
      MetricsRecorder metrics,
      StoreDisagreements disagreements,
      StepIncidents incidents) {
    this.engineDefault = new DefaultJobExceptionHandlingStrategy(commands, metrics);
    this.disagreements = disagreements;
    this.incidents = incidents;
  }

  @Override
  public void handleException(Exception exception, ExceptionHandlingContext context) throws Exception {
    if (exception instanceof CaseProblem.NotFound missing) {
      disagreements.caseMissing(missing.caseId(), context.job().getProcessInstanceKey(), context.job().getElementId());
    }
    Exception translated = translate(exception, context.job());
    if (translated == exception || !(translated instanceof JobError failure)) {
      engineDefault.handleException(translated, context);
      return;
    }
    // The engine's default writes the whole stack trace into the incident; operators get one sentence.
    ActivatedJob job = context.job();
    log.warn("Job {} ({}) failed, {} retries left: {}", job.getKey(), job.getType(), failure.getRetries(),
        failure.getErrorMessage());
    context.jobClient().newFailCommand(job.getKey())
        .retries(failure.getRetries())
        .retryBackoff(failure.getRetryBackoff())
        .errorMessage(failure.getErrorMessage())
        .send();
    if (failure.getRetries() == 0) {
      incidents.raised(job, failure.getErrorMessage());
    }
  }

  /** The failure as the engine should record it: retries left, when to try again, and why. */
  static Exception translate(Exception exception, ActivatedJob job) {
    if (exception instanceof CamundaError) {
      // A worker's own BPMN error or job error is already what the engine should hear.
      return exception;
    }
    int retriesLeft = Math.max(0, job.getRetries() - 1);
    String step = job.getType() + " at " + job.getElementId();
    return switch (exception) {
      case CarrierFailure.Unauthorized u -> credentials(step, "carrier", "seawall.carrier.*", u);
      case WarehouseFailure.Unauthorized u -> credentials(step, "warehouse", "seawall.warehouse.*", u);
      case MarketplaceFailure.Unauthorized u -> credentials(step, "marketplace", "seawall.marketplace.*", u);
      case CaseProblem.NotFound missing -> CamundaError.jobError(
          step + ": the case store has no case " + missing.caseId() + " for this process instance; the case store "
              + "and the engine disagree (GET /api/case-store/disagreements). Restore the case, or cancel the "
              + "instance.", null, 0, Duration.ZERO, missing);
      case MarketplaceFailure.Unsupported u -> CamundaError.jobError(
          step + ": " + u.getMessage() + ". Do it by hand in the marketplace, then resolve the incident by "
              + "completing the step in Operate or cancel the instance.", null, 0, Duration.ZERO, u);
      case CarrierFailure.Throttled t -> throttled(step, t, t.retryAfter(), retriesLeft);
      case WarehouseFailure.Throttled t -> throttled(step, t, t.retryAfter(), retriesLeft);
      case MarketplaceFailure.Throttled t -> throttled(step, t, t.retryAfter(), retriesLeft);
      default -> CamundaError.jobError(
          retriesLeft == 0
              ? step + " failed on every attempt: " + describe(exception)
                  + ". If a provider is down, wait for it, then retry the step (Seawall's incidents or Operate)."
              : step + " failed, trying again in " + backoff(retriesLeft) + ": " + describe(exception),
          null, retriesLeft, backoff(retriesLeft), exception);
    };
  }

  /**
   * Waits grow as the budget shrinks: a blip is retried quickly, an outage gets time to pass
   * before the last attempt.
   */
  static Duration backoff(int retriesLeft) {
    return switch (retriesLeft) {
      case 0 -> Duration.ZERO;
      case 1 -> Duration.ofMinutes(10);
      case 2 -> Duration.ofMinutes(2);
      default -> Duration.ofSeconds(30);
    };
  }

  private static Exception throttled(String step, Exception t, Optional<Duration> retryAfter, int retriesLeft) {
    Duration wait = retryAfter.orElse(backoff(retriesLeft));
    return CamundaError.jobError(
        retriesLeft == 0
            ? step + ": the provider kept throttling Seawall (" + t.getMessage()
                + "). Retry the step (Seawall's incidents or Operate) once its rate limit allows."
            : step + ": throttled by the provider, trying again in " + wait,
        null, retriesLeft, wait, t);
  }

  private static Exception credentials(String step, String provider, String settings, Exception u) {
    return CamundaError.jobError(step + ": the " + provider + " refused Seawall's credentials (" + u.getMessage()
        + "). Fix " + settings + " and retry the step (Seawall's incidents or Operate).", null, 0, Duration.ZERO, u);
  }

  private static String describe(Exception e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
  }
}
