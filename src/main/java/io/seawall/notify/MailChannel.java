package io.seawall.notify;

import io.seawall.cases.OutboundMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * E-mail through the seller's mail server ({@code spring.mail.*}). The subject names the case and
 * Reply-To is the mailbox intake reads, so the buyer's answer lands on the case. The Message-ID is
 * fixed per message, so a mail sent twice (a crash after sending) is recognisably the same mail.
 */
final class MailChannel implements BuyerChannel {

  private final JavaMailSender sender;
  private final InternetAddress from;
  private final InternetAddress replyTo;
  private final String domain;

  MailChannel(JavaMailSender sender, NotifySettings.Mail settings) {
    this.sender = sender;
    if (settings.from() == null || settings.from().isBlank()) {
      throw new IllegalStateException("seawall.notify.mail.from must name the seller's address when spring.mail.host "
          + "is set");
    }
    try {
      this.from = new InternetAddress(settings.from(), true);
      this.replyTo = settings.replyTo() == null || settings.replyTo().isBlank()
          ? null : new InternetAddress(settings.replyTo(), true);
    } catch (AddressException e) {
      throw new IllegalStateException("seawall.notify.mail.from or reply-to is not an e-mail address", e);
    }
    this.domain = from.getAddress().substring(from.getAddress().indexOf('@') + 1);
  }

  @Override
  public String name() {
    return "e-mail";
  }

  @Override
  public boolean reaches(OutboundMessage message) {
    return message.buyerEmail() != null && !message.buyerEmail().isBlank();
  }

  @Override
  public String send(OutboundMessage message, String subject) {
    String messageId = "<seawall." + message.caseReference() + "." + message.id() + "@" + domain + ">";
    MimeMessage mail = new FixedIdMessage(sender.createMimeMessage(), messageId);
    try {
      mail.setFrom(from);
      if (replyTo != null) {
        mail.setReplyTo(new InternetAddress[] {replyTo});
      }
      mail.setRecipient(jakarta.mail.Message.RecipientType.TO, buyer(message));
      mail.setSubject(subject, StandardCharsets.UTF_8.name());
      mail.setText(message.body(), StandardCharsets.UTF_8.name());
      mail.setHeader("Content-Language", message.language());
      mail.setHeader("Auto-Submitted", "auto-generated");
    } catch (MessagingException e) {
      throw new DeliveryFailure.Unreachable("the mail could not be written (" + e.getClass().getSimpleName() + ")");
    }
    try {
      sender.send(mail);
      return messageId;
    } catch (MailAuthenticationException e) {
      throw new DeliveryFailure.Unauthorized("the mail server refused Seawall's login; fix spring.mail.username "
          + "and spring.mail.password");
    } catch (MailSendException e) {
      throw failureOf(e);
    } catch (MailException e) {
      throw new DeliveryFailure.Unavailable("the mail server failed (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static InternetAddress buyer(OutboundMessage message) {
    try {
      InternetAddress to = new InternetAddress(message.buyerEmail().strip(), true);
      return message.buyerName() == null ? to
          : new InternetAddress(to.getAddress(), message.buyerName(), StandardCharsets.UTF_8.name());
    } catch (AddressException | UnsupportedEncodingException e) {
      throw new DeliveryFailure.Unreachable("the buyer's e-mail address is not valid");
    }
  }

  /**
   * A refused recipient is the buyer's address, not an outage. The server's own text quotes the
   * address, so only its kind is kept.
   */
  private static DeliveryFailure failureOf(MailSendException e) {
    for (Exception each : e.getFailedMessages().values()) {
      for (Throwable cause = each; cause != null; cause = cause.getCause()) {
        if (cause instanceof SendFailedException refused && refused.getInvalidAddresses() != null
            && refused.getInvalidAddresses().length > 0) {
          return new DeliveryFailure.Unreachable("the mail server refused the buyer's address");
        }
      }
    }
    Throwable root = e.getMostSpecificCause();
    return new DeliveryFailure.Unavailable("the mail server could not take the mail ("
        + root.getClass().getSimpleName() + ")", e);
  }

  /** JavaMail writes a fresh Message-ID on every save; this keeps the one Seawall chose. */
  private static final class FixedIdMessage extends MimeMessage {
    private final String messageId;

    FixedIdMessage(MimeMessage template, String messageId) {
      super(template.getSession());
      this.messageId = messageId;
    }

    @Override
    protected void updateMessageID() throws MessagingException {
      setHeader("Message-ID", messageId);
    }
  }
}
