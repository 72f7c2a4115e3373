package io.seawall.process;

import io.seawall.sla.StepSlas;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Hands the models of {@code bpmn/} to the SLA capability before any job is taken, so the SLA
 * properties ops staff set on a step in Modeler are known when its clock starts. Runs whether or
 * not Seawall deploys the models itself.
 */
@Component
class ModelSlaDeclarations implements InitializingBean {

  private final StepSlas slas;

  ModelSlaDeclarations(StepSlas slas) {
    this.slas = slas;
  }

  @Override
  public void afterPropertiesSet() throws IOException {
    for (Resource model : ModelDeployment.models()) {
      if (model.getFilename() != null && model.getFilename().endsWith(".bpmn")) {
        try (InputStream in = model.getInputStream()) {
          slas.learnFrom(model.getFilename(), in);
        }
      }
    }
  }
}
