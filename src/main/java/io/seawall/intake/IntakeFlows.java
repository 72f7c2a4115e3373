package io.seawall.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seawall.cases.CaseProblem;
import jakarta.mail.Flags;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.internet.MimeMessage;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.ByteArrayHttpMessageConverter;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.integration.IntegrationMessageHeaderAccessor;
import org.springframework.integration.dsl.IntegrationFlow;
import org.springframework.integration.dsl.Pollers;
import org.springframework.integration.http.dsl.Http;
import org.springframework.integration.mail.dsl.Mail;
import org.springframework.integration.support.MessageBuilder;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.MessagingException;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The inbound side as Spring Integration flows: webhooks in through HTTP gateways, buyers' mail in
 * through IMAP, both into the inbox; and one flow that works the inbox, reading each event, mapping
 * it to Seawall's words and applying it to its case, with failures counted and parked.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IntakeSettings.class)
class IntakeFlows {

  private static final Logger log = LoggerFactory.getLogger(IntakeFlows.class);
  private static final String INBOX_EVENT = "seawallInboxEvent";
  private static final String FAILURES = "intakeFailures";

  @Bean
  IntegrationFlow webhookIntake(Webhooks webhooks, ObjectMapper json) {
    return IntegrationFlow
        .from(Http.inboundGateway("/webhooks/{provider}")
            .requestMapping(m -> m.methods(HttpMethod.POST))
            .requestPayloadType(byte[].class)
            .mappedRequestHeaders("*")
            .headerExpression("webhookProvider", "#pathVariables.provider")
            .messageConverters(
                new ByteArrayHttpMessageConverter(),
                new StringHttpMessageConverter(StandardCharsets.UTF_8),
                new MappingJackson2HttpMessageConverter(json)))
        .handle((payload, headers) -> answer(webhooks.receive(
            headers.get("webhookProvider", String.class),
            payload instanceof byte[] body ? body : new byte[0],
            headers)))
        .get();
  }

  @Bean
  IntegrationFlow whatsAppVerification(Webhooks webhooks, ObjectMapper json) {
    return IntegrationFlow
        .from(Http.inboundGateway("/webhooks/whatsapp")
            .requestMapping(m -> m.methods(HttpMethod.GET))
            .payloadExpression("#requestParams")
            .messageConverters(
                new StringHttpMessageConverter(StandardCharsets.UTF_8),
                new MappingJackson2HttpMessageConverter(json)))
        .handle(MultiValueMap.class, (query, headers) -> answer(webhooks.verifyWhatsApp(stringsOf(query))))
        .get();
  }

  @Bean
  IntegrationFlow inboxProcessing(Inbox inbox, ProviderPayloads payloads, CaseRouting routing, IntakeSettings settings) {
    return IntegrationFlow
        .fromSupplier(() -> inbox.claimNextDue().orElse(null), e -> e.poller(Pollers
            .fixedDelay(settings.processing().pollInterval())
            .maxMessagesPerPoll(20)
            .errorChannel(FAILURES)))
        .enrichHeaders(h -> h.headerFunction(INBOX_EVENT, m -> m.getPayload()))
        .transform(InboxEvent.class, event -> new Arrival(event, payloads.read(event)))
        .handle(Arrival.class, (arrival, headers) -> new Applied(arrival.source(),
            routing.apply(arrival.source(), arrival.event())))
        .handle(Applied.class, (applied, headers) -> {
          inbox.done(applied.source().id(), applied.caseId().orElse(null));
          return null;
        })
        .get();
  }

  @Bean
  IntegrationFlow failedAttempts(Inbox inbox) {
    return IntegrationFlow.from(FAILURES)
        .handle(Throwable.class, (failure, headers) -> {
          InboxEvent event = failure instanceof MessagingException m && m.getFailedMessage() != null
              ? m.getFailedMessage().getHeaders().get(INBOX_EVENT, InboxEvent.class)
              : null;
          String error = describe(failure);
          if (event == null) {
            log.error("Intake could not read its inbox: {}", error);
            return null;
          }
          if (engineAway(failure)) {
            log.warn("Intake event {} ({} {}) waits for the engine: {}", event.id(), event.provider(), event.eventId(),
                error);
            inbox.postpone(event.id(), error);
            return null;
          }
          log.warn("Intake event {} ({} {}) failed attempt {}: {}", event.id(), event.provider(), event.eventId(),
              event.attempts() + 1, error);
          inbox.failed(event.id(), error);
          return null;
        })
        .get();
  }

  /**
   * An engine that is down is not the event's fault: such a failure must not spend the event's
   * attempts, or an outage of a few minutes would park everything that arrived meanwhile.
   */
  private static boolean engineAway(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof ProcessMessages.EngineUnavailable || t instanceof CaseProblem.EngineUnavailable) {
        return true;
      }
    }
    return false;
  }

  /**
   * Buyers' mail: each unread message is kept in the inbox and only then marked read, so a mail is
   * never marked read without being kept. One message per fetch, as the folder stays open until the
   * message is kept.
   */
  @Bean
  @ConditionalOnProperty("seawall.intake.mail.imap-url")
  IntegrationFlow buyerMailbox(IntakeSettings settings, BuyerMail mail) {
    return IntegrationFlow
        .from(Mail.imapInboundAdapter(settings.mail().imapUrl())
                .shouldMarkMessagesAsRead(false)
                .autoCloseFolder(false)
                .maxFetchSize(1)
                .searchTermStrategy((flags, folder) -> new FlagTerm(new Flags(Flags.Flag.SEEN), false))
                .javaMailProperties(p -> p
                    .put("mail.imap.connectiontimeout", "10000")
                    .put("mail.imap.timeout", "10000")),
            e -> e.poller(Pollers.fixedDelay(settings.mail().pollInterval())))
        .handle(MimeMessage.class, (message, headers) -> {
          try {
            mail.keep(message);
          } finally {
            close(headers);
          }
          return null;
        })
        .get();
  }

  /**
   * The reply carries the answer's content type as a header: the gateway writes the header it finds
   * on the reply, which would otherwise be the request's own (application/json).
   */
  private static Message<ResponseEntity<?>> answer(ResponseEntity<?> entity) {
    MediaType type = entity.getHeaders().getContentType();
    return MessageBuilder.<ResponseEntity<?>>withPayload(entity)
        .setHeader(MessageHeaders.CONTENT_TYPE, (type == null ? MediaType.APPLICATION_JSON : type).toString())
        .build();
  }

  /** Names the failure without quoting the payload: Seawall's own problems say what is wrong. */
  private static String describe(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof IntakeProblem || t instanceof CaseProblem) {
        return t.getMessage();
      }
    }
    Throwable root = failure;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName();
  }

  private static MultiValueMap<String, String> stringsOf(MultiValueMap<?, ?> query) {
    MultiValueMap<String, String> strings = new LinkedMultiValueMap<>();
    query.forEach((key, values) -> values.forEach(value -> strings.add(String.valueOf(key), String.valueOf(value))));
    return strings;
  }

  private static void close(MessageHeaders headers) {
    Closeable folder = headers.get(IntegrationMessageHeaderAccessor.CLOSEABLE_RESOURCE, Closeable.class);
    if (folder != null) {
      try {
        folder.close();
      } catch (IOException e) {
        log.warn("Could not close the mail folder", e);
      }
    }
  }

  record Arrival(InboxEvent source, InboundEvent event) {}

  record Applied(InboxEvent source, Optional<UUID> caseId) {}
}
