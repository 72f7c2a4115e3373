package io.seawall.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.engine.state.instance.DbIncidentState;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.protocol.impl.record.value.incident.IncidentRecord;
import java.util.Optional;

/**
 * The engine's open incidents, read from its state the way a cluster's search API lists them, so
 * the Camunda client's incident search works on the embedded engine for what Seawall asks: the
 * incident of a job whose retries ran out (to resolve it after raising the retries).
 */
interface EngineIncidents {

  /** The open incident of a job, as an item of the search API's answer. */
  Optional<ObjectNode> ofJob(long jobKey, ObjectMapper json);

  /** Read from the engine's own state. */
  static EngineIncidents inState(ZeebeDb<ZbColumnFamilies> state, int partitionId) {
    return new InState(new DbIncidentState(state, state.createContext(), partitionId));
  }

  /** One reader at a time: the state's transaction context is not shared between threads. */
  final class InState implements EngineIncidents {

    private final DbIncidentState incidents;

    private InState(DbIncidentState incidents) {
      this.incidents = incidents;
    }

    @Override
    public synchronized Optional<ObjectNode> ofJob(long jobKey, ObjectMapper json) {
      long key = incidents.getJobIncidentKey(jobKey);
      if (key == DbIncidentState.MISSING_INCIDENT) {
        return Optional.empty();
      }
      IncidentRecord incident = incidents.getIncidentRecord(key);
      if (incident == null) {
        return Optional.empty();
      }
      return Optional.of(json.createObjectNode()
          .put("incidentKey", Long.toString(key))
          .put("processDefinitionId", incident.getBpmnProcessId())
          .put("processDefinitionKey", Long.toString(incident.getProcessDefinitionKey()))
          .put("processInstanceKey", Long.toString(incident.getProcessInstanceKey()))
          .put("elementId", incident.getElementId())
          .put("elementInstanceKey", Long.toString(incident.getElementInstanceKey()))
          .put("jobKey", Long.toString(incident.getJobKey()))
          .put("errorType", incident.getErrorType().name())
          .put("errorMessage", incident.getErrorMessage())
          .put("state", "ACTIVE")
          .put("tenantId", incident.getTenantId()));
    }
  }
}
