package io.seawall.intake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Flags;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A buyer's mail into the inbox: known by its Message-ID (a mail fetched twice is kept once), kept
 * with sender, subject and plain text, then marked read. A delivery report that returns one of
 * Seawall's mails is kept with the returned mail's Message-ID.
 */
@Component
class BuyerMail {

  private static final Logger log = LoggerFactory.getLogger(BuyerMail.class);

  private final ObjectMapper json = JsonMapper.builder().build();
  private final Inbox inbox;

  BuyerMail(Inbox inbox) {
    this.inbox = inbox;
  }

  void keep(MimeMessage mail) {
    try {
      String text = textOf(mail);
      String subject = mail.getSubject() == null ? "" : mail.getSubject();
      String messageId = mail.getMessageID() == null
          ? "sha256:" + InboxEvent.sha256(subject + "\n" + text)
          : mail.getMessageID();
      Map<String, String> kept = new LinkedHashMap<>();
      kept.put("message_id", messageId);
      kept.put("from", senderOf(mail));
      kept.put("subject", subject);
      kept.put("text", text);
      // A mail server returning one of Seawall's own mails to the buyer is kept too, and read as such.
      DeliveryReport.of(mail).ifPresent(report -> {
        kept.put("bounce_of", report.originalMessageId());
        kept.put("bounce_status", report.status());
      });
      Inbox.Accepted accepted = inbox.accept(Provider.MAIL, new Delivery(messageId, "mail", null),
          Inbox.Signature.UNSIGNED, json.writeValueAsString(kept));
      mail.setFlag(Flags.Flag.SEEN, true);
      log.info("Buyer mail {} {}", messageId, accepted == Inbox.Accepted.NEW ? "kept" : "was already kept");
    } catch (MessagingException | IOException unreadable) {
      // Left unread, so the next poll tries it again.
      throw new IllegalStateException("A buyer mail could not be read: " + unreadable.getClass().getSimpleName(),
          unreadable);
    }
  }

  private static String senderOf(MimeMessage mail) throws MessagingException {
    Address[] from = mail.getFrom();
    if (from == null || from.length == 0) {
      return null;
    }
    return from[0] instanceof InternetAddress address ? address.getAddress() : from[0].toString();
  }

  private static String textOf(Part part) throws MessagingException, IOException {
    if (part.isMimeType("text/plain")) {
      return String.valueOf(part.getContent());
    }
    if (part.isMimeType("multipart/*")) {
      Multipart parts = (Multipart) part.getContent();
      String html = null;
      for (int i = 0; i < parts.getCount(); i++) {
        BodyPart each = parts.getBodyPart(i);
        String text = textOf(each);
        if (each.isMimeType("text/plain") || (text != null && !each.isMimeType("text/html"))) {
          return text;
        }
        html = html == null ? text : html;
      }
      return html;
    }
    if (part.isMimeType("text/html")) {
      return String.valueOf(part.getContent()).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " ").trim();
    }
    return null;
  }
}
