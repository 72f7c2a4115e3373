package io.seawall.intake;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A mail server's report that a mail did not arrive (RFC 3464 {@code multipart/report;
 * report-type=delivery-status}): which mail (the Message-ID of the returned original or its
 * headers) and why (the {@code Status} code, e.g. 5.1.1 for an unknown mailbox). Only final
 * failures count; a "delayed" report is not a bounce.
 */
record DeliveryReport(String originalMessageId, String status) {

  private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:\\s*(<[^>\\s]+>)");
  private static final Pattern ACTION = Pattern.compile("(?im)^Action:\\s*(\\S+)");
  private static final Pattern STATUS = Pattern.compile("(?im)^Status:\\s*([245]\\.\\d{1,3}\\.\\d{1,3})");

  static Optional<DeliveryReport> of(MimeMessage mail) throws MessagingException, IOException {
    if (!mail.isMimeType("multipart/report")
        || !"delivery-status".equalsIgnoreCase(new ContentType(mail.getContentType()).getParameter("report-type"))) {
      return Optional.empty();
    }
    Multipart parts = (Multipart) mail.getContent();
    String status = null;
    String original = null;
    boolean failed = false;
    for (int i = 0; i < parts.getCount(); i++) {
      BodyPart part = parts.getBodyPart(i);
      if (part.isMimeType("message/delivery-status")) {
        String fields = raw(part);
        Matcher action = ACTION.matcher(fields);
        failed = action.find() && action.group(1).equalsIgnoreCase("failed");
        Matcher code = STATUS.matcher(fields);
        status = code.find() ? code.group(1) : null;
      } else if (part.isMimeType("message/rfc822") || part.isMimeType("text/rfc822-headers")) {
        Matcher id = MESSAGE_ID.matcher(raw(part));
        original = id.find() ? id.group(1) : original;
      }
    }
    return failed && original != null ? Optional.of(new DeliveryReport(original, status)) : Optional.empty();
  }

  /** The part as the server wrote it: JavaMail may otherwise parse it into objects it has no handler for. */
  private static String raw(BodyPart part) throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
