package io.seawall.notify;

import io.seawall.cases.BuyerOutbox;
import io.seawall.cases.Channel;
import io.seawall.cases.OutboundMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one message from the outbox. The buyer is answered the way they wrote: a buyer who wrote
 * on WhatsApp is answered there first (e-mail if WhatsApp cannot reach them), everyone else by
 * e-mail, which is also how marketplaces relay mail to their buyers (Amazon's buyer-seller
 * messaging addresses). A channel that later reports it could not deliver is left out of the
 * next attempt. Outages are retried with growing waits, then parked for ops staff.
 */
class BuyerMessageDelivery {

  private static final Logger log = LoggerFactory.getLogger(BuyerMessageDelivery.class);

  private final BuyerOutbox outbox;
  private final BuyerNoticeTemplates templates;
  private final Optional<BuyerChannel> mail;
  private final Optional<BuyerChannel> whatsApp;
  private final NotifySettings.Delivery settings;

  BuyerMessageDelivery(BuyerOutbox outbox, BuyerNoticeTemplates templates, Optional<BuyerChannel> mail,
      Optional<BuyerChannel> whatsApp, NotifySettings.Delivery settings) {
    this.outbox = outbox;
    this.templates = templates;
    this.mail = mail;
    this.whatsApp = whatsApp;
    this.settings = settings;
  }

  void deliver(OutboundMessage message) {
    List<BuyerChannel> route = routeOf(message);
    if (route.isEmpty()) {
      outbox.undeliverable(message, mail.isEmpty() && whatsApp.isEmpty()
          ? "Seawall has no e-mail server or WhatsApp account to send from (seawall.notify.*)"
          : message.bouncedBy() != null
              ? "no channel but " + message.bouncedBy() + " reaches the buyer"
              : "the case has no e-mail address" + (whatsApp.isPresent() ? " or WhatsApp number" : "")
                  + " for the buyer");
      return;
    }
    String subject = templates.subject(message.language(), message.caseReference(), message.orderReference());
    List<String> unreachable = new ArrayList<>();
    for (BuyerChannel channel : route) {
      try {
        String providerId = channel.send(message, subject);
        outbox.delivered(message, channel.name(), providerId);
        log.info("Message {} ({}) of case {} delivered by {}", message.id(), message.template(),
            message.caseReference(), channel.name());
        return;
      } catch (DeliveryFailure.Unreachable u) {
        unreachable.add(channel.name() + ": " + u.getMessage());
      } catch (DeliveryFailure.Throttled throttled) {
        retry(message, channel.name() + ": " + throttled.getMessage(), throttled.retryAfter());
        return;
      } catch (DeliveryFailure failure) {
        retry(message, channel.name() + ": " + failure.getMessage(), Optional.empty());
        return;
      } catch (RuntimeException unexpected) {
        // Counted like an outage, so a message that trips a bug is parked, not retried for ever;
        // only the kind is kept, as such a message may quote what was being sent.
        retry(message, channel.name() + ": failed unexpectedly (" + unexpected.getClass().getName() + ")",
            Optional.empty());
        return;
      }
    }
    outbox.undeliverable(message, String.join("; ", unreachable));
  }

  /** Counts a failed attempt: tried again after the provider's wait if it gave one, else after the back-off. */
  private void retry(OutboundMessage message, String error, Optional<Duration> providersWait) {
    boolean last = message.attempts() + 1 >= settings.maxAttempts();
    Duration wait = providersWait.orElseGet(() -> backoff(message.attempts()));
    log.warn("Message {} ({}) of case {} not delivered, attempt {}: {}", message.id(), message.template(),
        message.caseReference(), message.attempts() + 1, error);
    outbox.failed(message, error, wait, last);
  }

  /** Waits double from the configured delay: a blip passes quickly, an outage gets time. */
  private Duration backoff(int attemptsBefore) {
    return settings.retryDelay().multipliedBy(1L << Math.min(attemptsBefore, 10));
  }

  private List<BuyerChannel> routeOf(OutboundMessage message) {
    List<BuyerChannel> route = new ArrayList<>();
    if (message.caseChannel() == Channel.WHATSAPP) {
      whatsApp.ifPresent(route::add);
    }
    mail.ifPresent(route::add);
    return route.stream()
        .filter(channel -> !channel.name().equals(message.bouncedBy()))
        .filter(channel -> channel.reaches(message))
        .toList();
  }
}
