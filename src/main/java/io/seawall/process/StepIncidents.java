package io.seawall.process;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.client.api.search.response.Incident;
import io.seawall.cases.CaseProblem;
import io.seawall.cases.Cases;
import io.seawall.cases.TimelineKind;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;

/**
 * Steps whose worker gave up: the job ran out of retries and the engine raised an incident. Kept with
 * the worker's one-sentence reason so the case shows it and a manager or ops can retry the step
 * once the cause is fixed, on the embedded engine (no Operate) and a cluster alike: the retry gives
 * the job its retries back and resolves its incident through the Camunda client.
 */
@Service
public class StepIncidents {

  private static final Logger log = LoggerFactory.getLogger(StepIncidents.class);
  private static final int RETRIES_GIVEN_BACK = 3;

  public record StepIncident(
      long jobKey, UUID caseId, long processInstanceKey, String process, String step, String jobType,
      String reason, Instant raisedAt) {}

  private final JdbcClient db;
  private final CamundaClient camunda;
  private final Cases cases;
  private final Clock clock;

  StepIncidents(JdbcClient db, CamundaClient camunda, Cases cases, Clock clock) {
    this.db = db;
    this.camunda = camunda;
    this.cases = cases;
    this.clock = clock;
  }

  /** The worker gave up on this job with this reason; the case's timeline says so. */
  void raised(ActivatedJob job, String reason) {
    Optional<UUID> caseId = caseOf(job);
    Instant now = clock.instant();
    String clipped = reason.length() > 2000 ? reason.substring(0, 1997) + "..." : reason;
    int updated = db.sql("update step_incident set reason = ?, raised_at = ?, retried_at = null, retried_by = null "
            + "where job_key = ?")
        .params(clipped, Timestamp.from(now), job.getKey()).update();
    if (updated == 0) {
      db.sql("insert into step_incident (job_key, case_id, process_instance_key, bpmn_process_id, element_id, "
              + "job_type, reason, raised_at) values (?, ?, ?, ?, ?, ?, ?, ?)")
          .params(job.getKey(), caseId.orElse(null), job.getProcessInstanceKey(), job.getBpmnProcessId(),
              job.getElementId(), job.getType(), clipped, Timestamp.from(now))
          .update();
    }
    caseId.ifPresent(id -> onTimeline(id, TimelineKind.STEP_FAILED, job.getElementId(), "worker:" + job.getType(),
        clipped, "incident:" + job.getKey() + ":" + now.toEpochMilli()));
  }

  /** Steps waiting for someone to retry them, newest first; of one case when it is given. */
  public List<StepIncident> open(UUID caseId) {
    String select = "select job_key, case_id, process_instance_key, bpmn_process_id, element_id, job_type, reason, "
        + "raised_at from step_incident where retried_at is null";
    String order = " order by raised_at desc, job_key desc";
    JdbcClient.StatementSpec query = caseId == null
        ? db.sql(select + order)
        : db.sql(select + " and case_id = ?" + order).param(caseId);
    return query
        .query((rs, n) -> new StepIncident(rs.getLong(1), rs.getObject(2, UUID.class), rs.getLong(3),
            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
        .list();
  }

  /**
   * Gives the step's job its retries back and resolves its incident, so the engine runs the step
   * again; the case's timeline says who did. Refused when no step of that job waits for a retry.
   */
  public StepIncident retry(long jobKey, String actor) {
    StepIncident incident = open(null).stream().filter(i -> i.jobKey() == jobKey).findFirst()
        .orElseThrow(() -> problem(HttpStatus.NOT_FOUND, "No step waits for a retry with job " + jobKey));
    List<Incident> raised = camunda.newIncidentSearchRequest().filter(f -> f.jobKey(jobKey)).send().join().items();
    if (raised.isEmpty()) {
      // Someone resolved it elsewhere (Operate, another instance of Seawall): nothing is left to retry.
      markRetried(jobKey, actor);
      throw problem(HttpStatus.CONFLICT, "The engine has no open incident for job " + jobKey + " any more");
    }
    camunda.newUpdateRetriesCommand(jobKey).retries(RETRIES_GIVEN_BACK).send().join();
    camunda.newResolveIncidentCommand(raised.getFirst().getIncidentKey()).send().join();
    markRetried(jobKey, actor);
    log.info("Step {} ({}) of process instance {} retried by {}", incident.step(), incident.jobType(),
        incident.processInstanceKey(), actor);
    if (incident.caseId() != null) {
      onTimeline(incident.caseId(), TimelineKind.STEP_RETRIED, incident.step(), actor,
          "retried after: " + incident.reason(), null);
    }
    return incident;
  }

  private void markRetried(long jobKey, String actor) {
    db.sql("update step_incident set retried_at = ?, retried_by = ? where job_key = ?")
        .params(Timestamp.from(clock.instant()), actor, jobKey).update();
  }

  private void onTimeline(UUID caseId, TimelineKind kind, String step, String actor, String detail, String sourceKey) {
    try {
      cases.record(caseId, kind, step, actor, detail, sourceKey);
    } catch (CaseProblem.NotFound missing) {
      // Listed as a disagreement of the two stores already; the incident stands on its own.
    }
  }

  private static Optional<UUID> caseOf(ActivatedJob job) {
    Object caseId = job.getVariablesAsMap().get("caseId");
    try {
      return caseId == null ? Optional.empty() : Optional.of(UUID.fromString(caseId.toString()));
    } catch (IllegalArgumentException notACaseId) {
      return Optional.empty();
    }
  }

  private static ErrorResponseException problem(HttpStatus status, String detail) {
    return new ErrorResponseException(status, ProblemDetail.forStatusAndDetail(status, detail), null);
  }
}
