package io.seawall.notify;

import io.seawall.cases.BuyerOutbox;
import io.seawall.cases.OutboundMessage;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.web.client.RestClient;

/** Chooses the channels to buyers and polls the outbox for messages to deliver. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotifySettings.class)
class NotifyConfiguration {

  private static final Logger log = LoggerFactory.getLogger(NotifyConfiguration.class);

  @Bean
  BuyerMessageDelivery buyerMessageDelivery(NotifySettings settings, BuyerOutbox outbox,
      BuyerNoticeTemplates templates, ObjectProvider<JavaMailSender> mailServer, RestClient.Builder http) {
    Optional<BuyerChannel> mail;
    Optional<BuyerChannel> whatsApp;
    switch (settings.adapter()) {
      case "sandbox" -> {
        mail = Optional.of(SandboxChannel.mail());
        whatsApp = Optional.of(SandboxChannel.whatsApp());
      }
      case "live" -> {
        mail = Optional.ofNullable(mailServer.getIfAvailable()).map(server -> new MailChannel(server, settings.mail()));
        whatsApp = settings.whatsapp().configured()
            ? Optional.of(new WhatsAppChannel(settings.whatsapp(), http)) : Optional.empty();
        log.info("Buyer messages go out by {}{}", mail.isPresent() ? "e-mail" : "no e-mail (spring.mail.host unset)",
            whatsApp.isPresent() ? " and WhatsApp" : ", no WhatsApp (seawall.notify.whatsapp unset)");
      }
      default -> throw new IllegalStateException(
          "seawall.notify.adapter must be sandbox or live, not " + settings.adapter());
    }
    return new BuyerMessageDelivery(outbox, templates, mail, whatsApp, settings.delivery());
  }

  @Bean
  IntegrationFlow buyerMessageDeliveries(BuyerOutbox outbox, BuyerMessageDelivery delivery, NotifySettings settings) {
    return IntegrationFlow
        .fromSupplier(() -> outbox.claimNextDue().orElse(null), e -> e.poller(Pollers
            .fixedDelay(settings.delivery().pollInterval())
            .maxMessagesPerPoll(20)))
        .handle(OutboundMessage.class, (message, headers) -> {
          delivery.deliver(message);
          return null;
        })
        .get();
  }
}
