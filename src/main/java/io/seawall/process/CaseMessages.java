package io.seawall.process;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status.Code;
import io.seawall.intake.ProcessMessage;
import io.seawall.intake.ProcessMessages;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Publishes what intake received to the waiting processes through the Camunda client. The message
 * id makes the engine drop a second publication of the same event within its time to live.
 */
@Component
public class CaseMessages implements ProcessMessages {

  /** Answers that say the engine is away or busy, not that the message is wrong. */
  private static final Set<Code> ENGINE_AWAY = Set.of(Code.UNAVAILABLE, Code.DEADLINE_EXCEEDED, Code.RESOURCE_EXHAUSTED);

  private final CamundaClient camunda;

  CaseMessages(CamundaClient camunda) {
    this.camunda = camunda;
  }

  @Override
  public void publish(ProcessMessage message) {
    try {
      camunda.newPublishMessageCommand()
          .messageName(message.name())
          .correlationKey(message.correlationKey())
          .messageId(message.messageId())
          .timeToLive(message.timeToLive())
          .variables(message.variables())
          .send()
          .join();
    } catch (ClientStatusException status) {
      if (ENGINE_AWAY.contains(status.getStatusCode())) {
        throw new EngineUnavailable("The engine did not take message " + message.name() + ": " + status.getStatusCode(),
            status);
      }
      throw status;
    } catch (ClientException unreachable) {
      throw new EngineUnavailable("The engine could not be reached for message " + message.name(), unreachable);
    }
  }
}
