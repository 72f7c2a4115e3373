package io.seawall.notify;

import io.seawall.cases.OutboundMessage;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands in for a mail server or WhatsApp on the embedded default: accepts every message, except
 * for addresses that cannot exist: e-mail addresses in the reserved {@code .invalid} domain (RFC
 * 2606) and phone numbers with the unassigned country code +999.
 */
final class SandboxChannel implements BuyerChannel {

  private static final Logger log = LoggerFactory.getLogger(SandboxChannel.class);

  private final String name;
  private final Function<OutboundMessage, String> address;
  private final Predicate<String> unreachable;

  private SandboxChannel(String name, Function<OutboundMessage, String> address, Predicate<String> unreachable) {
    this.name = name;
    this.address = address;
    this.unreachable = unreachable;
  }

  static SandboxChannel mail() {
    return new SandboxChannel("e-mail", OutboundMessage::buyerEmail, to -> to.endsWith(".invalid"));
  }

  static SandboxChannel whatsApp() {
    return new SandboxChannel("WhatsApp", OutboundMessage::buyerPhone, to -> to.startsWith("+999"));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public boolean reaches(OutboundMessage message) {
    String to = address.apply(message);
    return to != null && !to.isBlank();
  }

  @Override
  public String send(OutboundMessage message, String subject) {
    String to = address.apply(message).strip();
    if (unreachable.test(to)) {
      throw new DeliveryFailure.Unreachable("the sandbox knows no such " + name + " address");
    }
    log.info("Sandbox {}: message {} ({}) of case {} delivered nowhere", name, message.id(), message.template(),
        message.caseReference());
    return "sandbox-" + message.id();
  }
}
