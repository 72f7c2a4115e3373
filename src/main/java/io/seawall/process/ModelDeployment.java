package io.seawall.process;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys every process, decision and form of {@code bpmn/} in one deployment before Seawall
 * reports ready. The engine keeps a new version only for a resource that changed. Installations
 * that deploy models from their own pipeline turn it off with the starter's own switch, {@code
 * camunda.client.deployment.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "camunda.client.deployment.enabled", havingValue = "true", matchIfMissing = true)
class ModelDeployment implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);
  static final List<String> PATTERNS =
      List.of("classpath*:bpmn/**/*.bpmn", "classpath*:bpmn/**/*.dmn", "classpath*:bpmn/**/*.form");

  private static final Duration DEPLOY_TIMEOUT = Duration.ofMinutes(2);

  private final CamundaClient camunda;

  ModelDeployment(CamundaClient camunda) {
    this.camunda = camunda;
  }

  @Override
  public void run(ApplicationArguments args) throws IOException {
    List<Resource> models = models();
    if (models.isEmpty()) {
      throw new IllegalStateException("No models found under bpmn/ on the classpath");
    }
    DeployResourceCommandStep1 command = camunda.newDeployResourceCommand();
    DeployResourceCommandStep2 step = null;
    for (Resource model : models) {
      try (InputStream in = model.getInputStream()) {
        DeployResourceCommandStep1 next = step == null ? command : step;
        step = next.addResourceBytes(in.readAllBytes(), model.getFilename());
      }
    }
    // The engine parses every model of a first deployment; on a busy two-core machine that took longer
    // than the client's default 10 s and stopped the start.
    DeploymentEvent deployed = step.requestTimeout(DEPLOY_TIMEOUT).send().join();
    log.info("Deployed {} processes, {} decisions, {} forms from bpmn/",
        deployed.getProcesses().size(), deployed.getDecisions().size(), deployed.getForm().size());
  }

  static List<Resource> models() throws IOException {
    PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
    List<Resource> all = new ArrayList<>();
    for (String pattern : PATTERNS) {
      all.addAll(List.of(resolver.getResources(pattern)));
    }
    all.sort(Comparator.comparing(Resource::getFilename));
    return all;
  }
}
