package io.seawall.process;

import io.camunda.client.CamundaClient;
import io.seawall.intake.ProcessMessage;
import io.seawall.intake.ProcessMessages;
import org.springframework.stereotype.Component;

/**
 * Publishes what intake received to the waiting processes through the Camunda client. The message
 * id makes the engine drop a second publication of the same event within its time to live.
 */
@Component
public class CaseMessages implements ProcessMessages {

  private final CamundaClient camunda;

  CaseMessages(CamundaClient camunda) {
    this.camunda = camunda;
  }

  @Override
  public void publish(ProcessMessage message) {
    camunda.newPublishMessageCommand()
        .messageName(message.name())
        .correlationKey(message.correlationKey())
        .messageId(message.messageId())
        .timeToLive(message.timeToLive())
        .variables(message.variables())
        .send()
        .join();
  }
}
