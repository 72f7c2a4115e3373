package io.seawall;

import io.camunda.zeebe.process.test.filters.RecordStream;
import io.camunda.zeebe.protocol.record.Record;
import io.camunda.zeebe.protocol.record.intent.IncidentIntent;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.protocol.record.intent.TimerIntent;
import io.camunda.zeebe.protocol.record.value.BpmnElementType;
import io.camunda.zeebe.protocol.record.value.ProcessInstanceRecordValue;
import io.camunda.zeebe.protocol.record.value.VariableRecordValue;
import io.seawall.engine.EmbeddedEngine;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** What the engine recorded about one process instance: the path it took and its variables. */
public final class ProcessJournal {

  private final EmbeddedEngine engine;

  public ProcessJournal(EmbeddedEngine engine) {
    this.engine = engine;
  }

  /** Ids of the activities and events completed, in order (gateways and the process itself left out). */
  public List<String> completedSteps(long processInstanceKey) {
    return instanceRecords(processInstanceKey)
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED)
        .filter(r -> r.getValue().getBpmnElementType() != BpmnElementType.PROCESS)
        .filter(r -> r.getValue().getBpmnElementType() != BpmnElementType.SEQUENCE_FLOW)
        .filter(r -> r.getValue().getBpmnElementType() != BpmnElementType.EXCLUSIVE_GATEWAY)
        .map(r -> r.getValue().getElementId())
        .toList();
  }

  public boolean isCompleted(long processInstanceKey) {
    return instanceRecords(processInstanceKey)
        .anyMatch(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_COMPLETED
            && r.getValue().getBpmnElementType() == BpmnElementType.PROCESS);
  }

  /** Whether a timer of the given element is scheduled (so moving the clock will reach it). */
  public boolean hasTimerScheduled(long processInstanceKey, String elementId) {
    return StreamSupport.stream(RecordStream.of(engine.records()).timerRecords().spliterator(), false)
        .filter(r -> r.getIntent() == TimerIntent.CREATED)
        .anyMatch(r -> r.getValue().getProcessInstanceKey() == processInstanceKey
            && r.getValue().getTargetElementId().equals(elementId));
  }

  /** How many times a timer of the given element was scheduled (a polling loop schedules one per round). */
  public long timersScheduled(long processInstanceKey, String elementId) {
    return StreamSupport.stream(RecordStream.of(engine.records()).timerRecords().spliterator(), false)
        .filter(r -> r.getIntent() == TimerIntent.CREATED)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey
            && r.getValue().getTargetElementId().equals(elementId))
        .count();
  }

  /**
   * How many times the engine recorded a failure of the element's job. A worker's call to a provider
   * happens before its failure reaches the engine; the retry back-off is counted from the latter.
   */
  public long failedAttempts(long processInstanceKey, String elementId) {
    return StreamSupport.stream(RecordStream.of(engine.records()).jobRecords().spliterator(), false)
        .filter(r -> r.getIntent() == JobIntent.FAILED)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey
            && r.getValue().getElementId().equals(elementId))
        .count();
  }

  /** The error messages of the incidents created in the instance, oldest first. */
  public List<String> incidents(long processInstanceKey) {
    return StreamSupport.stream(RecordStream.of(engine.records()).incidentRecords().spliterator(), false)
        .filter(r -> r.getIntent() == IncidentIntent.CREATED)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .map(r -> r.getValue().getErrorMessage())
        .toList();
  }

  /** The key of the newest incident of the instance. */
  public long incidentKey(long processInstanceKey) {
    return StreamSupport.stream(RecordStream.of(engine.records()).incidentRecords().spliterator(), false)
        .filter(r -> r.getIntent() == IncidentIntent.CREATED)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey)
        .map(Record::getKey)
        .reduce((first, second) -> second)
        .orElseThrow();
  }

  /** The job of an element whose retries ran out (the one its incident is about). */
  public long failedJobKey(long processInstanceKey, String elementId) {
    return StreamSupport.stream(RecordStream.of(engine.records()).incidentRecords().spliterator(), false)
        .filter(r -> r.getIntent() == IncidentIntent.CREATED)
        .filter(r -> r.getValue().getProcessInstanceKey() == processInstanceKey
            && r.getValue().getElementId().equals(elementId))
        .map(r -> r.getValue().getJobKey())
        .reduce((first, second) -> second)
        .orElseThrow();
  }

  /** The latest value of every variable of the instance, as JSON text. */
  public Map<String, String> variables(long processInstanceKey) {
    Map<String, String> values = new LinkedHashMap<>();
    StreamSupport.stream(RecordStream.of(engine.records()).variableRecords().spliterator(), false)
        .map(Record::getValue)
        .filter(v -> v.getProcessInstanceKey() == processInstanceKey)
        .forEach((VariableRecordValue v) -> values.put(v.getName(), v.getValue()));
    return values;
  }

  /** The instance a call activity of {@code parentKey} started for {@code bpmnProcessId}, once it exists. */
  public Optional<Long> calledInstance(long parentKey, String bpmnProcessId) {
    return StreamSupport.stream(RecordStream.of(engine.records()).processInstanceRecords().spliterator(), false)
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
        .filter(r -> r.getValue().getParentProcessInstanceKey() == parentKey)
        .filter(r -> r.getValue().getBpmnProcessId().equals(bpmnProcessId))
        .map(r -> r.getValue().getProcessInstanceKey())
        .findFirst();
  }

  /** How many instances of a process were ever created. */
  public long instancesOf(String bpmnProcessId) {
    return StreamSupport.stream(RecordStream.of(engine.records()).processInstanceRecords().spliterator(), false)
        .filter(r -> r.getIntent() == ProcessInstanceIntent.ELEMENT_ACTIVATED)
        .filter(r -> r.getValue().getBpmnElementType() == BpmnElementType.PROCESS)
        .filter(r -> r.getValue().getBpmnProcessId().equals(bpmnProcessId))
        .count();
  }

  private java.util.stream.Stream<Record<ProcessInstanceRecordValue>> instanceRecords(long key) {
    return StreamSupport.stream(RecordStream.of(engine.records()).processInstanceRecords().spliterator(), false)
        .filter(r -> r.getValue().getProcessInstanceKey() == key);
  }
}
