package io.seawall.sla;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.FlowNode;
import io.camunda.zeebe.model.bpmn.instance.Process;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperties;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeProperty;
import java.io.InputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The SLA of every tracked step: declared by ops staff on the step in Camunda Modeler (extension
 * properties {@code sla.*}, see {@code connectors/sla-properties.md}) and overridden per market,
 * marketplace or case type by the policy table.
 */
@Service
public class StepSlas {

  private static final Logger log = LoggerFactory.getLogger(StepSlas.class);
  static final String PREFIX = "sla.";

  private final SlaPolicies table;
  private final Map<String, StepSla> declared = new ConcurrentHashMap<>();

  StepSlas(SlaPolicies table) {
    this.table = table;
  }

  /** Reads the SLA properties of every step of a BPMN model about to be deployed. */
  public void learnFrom(String resourceName, InputStream bpmnXml) {
    BpmnModelInstance model = Bpmn.readModelFromStream(bpmnXml);
    int steps = 0;
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      Map<String, String> properties = slaProperties(node);
      if (properties.isEmpty()) {
        continue;
      }
      String process = processOf(node);
      try {
        declared.put(key(process, node.getId()), declaration(properties));
        steps++;
      } catch (RuntimeException wrong) {
        throw new IllegalStateException(
            "SLA properties of " + process + "/" + node.getId() + " in " + resourceName + ": " + wrong.getMessage(), wrong);
      }
    }
    if (steps > 0) {
      log.info("{}: {} steps declare an SLA", resourceName, steps);
    }
  }

  /** The step's SLA for this case, or none when neither the model nor the table tracks the step. */
  Optional<StepSla> forStep(String process, String step, CaseSlaFacts facts) {
    StepSla sla = declared.get(key(process, step));
    for (SlaPolicies.SlaPolicy row : table.applying(process, step, facts).toList()) {
      sla = sla == null ? StepSla.fromRow(row) : sla.overriddenBy(row);
    }
    return Optional.ofNullable(sla);
  }

  Optional<String> calendarOf(String market) {
    return table.calendarOf(market);
  }

  private static StepSla declaration(Map<String, String> properties) {
    String target = properties.get("target");
    if (target == null) {
      throw new IllegalArgumentException("sla.target (an ISO-8601 duration such as PT48H) is missing");
    }
    return new StepSla(
        Duration.parse(target),
        ClockKind.valueOf(properties.getOrDefault("clock", ClockKind.MARKETPLACE.name()).toUpperCase()),
        properties.get("calendar"),
        share(properties.getOrDefault("warn-at", String.valueOf(StepSla.DEFAULT_WARN_AT))),
        properties.get("team"),
        Boolean.parseBoolean(properties.getOrDefault("pauses-while-waiting-for-buyer", "false")));
  }

  /** "0.75" or "75%". */
  private static double share(String text) {
    String t = text.trim();
    return t.endsWith("%") ? Double.parseDouble(t.substring(0, t.length() - 1).trim()) / 100 : Double.parseDouble(t);
  }

  private static Map<String, String> slaProperties(FlowNode node) {
    Map<String, String> found = new HashMap<>();
    if (node.getExtensionElements() == null) {
      return found;
    }
    for (ZeebeProperties properties :
        node.getExtensionElements().getElementsQuery().filterByType(ZeebeProperties.class).list()) {
      for (ZeebeProperty property : properties.getProperties()) {
        if (property.getName() != null && property.getName().startsWith(PREFIX) && property.getValue() != null) {
          found.put(property.getName().substring(PREFIX.length()), property.getValue().trim());
        }
      }
    }
    return found;
  }

  private static String processOf(FlowNode node) {
    ModelElementInstance parent = node.getParentElement();
    while (parent != null && !(parent instanceof Process)) {
      parent = parent.getParentElement();
    }
    if (parent == null) {
      throw new IllegalStateException("Step " + node.getId() + " lies in no process");
    }
    return ((Process) parent).getId();
  }

  private static String key(String process, String step) {
    return process + "/" + step;
  }
}
