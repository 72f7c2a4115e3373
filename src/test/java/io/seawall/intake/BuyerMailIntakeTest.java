package io.seawall.intake;

import static io.seawall.CaseRequests.openAs;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.seawall.CaseRequests;
import io.seawall.SeawallTest;
import io.seawall.cases.CaseView;
import io.seawall.cases.Cases;
import io.seawall.cases.Channel;
import io.seawall.engine.EmbeddedEngine;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Buyers write to the seller's mailbox, here a real IMAP server in the test (GreenMail): each mail
 * is kept in the inbox and becomes a message on the right case, threaded by the case reference or
 * the order number it quotes, else by the sender's address; a mail no case matches is parked.
 */
@SeawallTest
class BuyerMailIntakeTest {

  private static final String MAILBOX = "cases@seawall.test";
  private static final Duration PROCESSED = Duration.ofSeconds(20);

  @RegisterExtension
  static final GreenMailExtension MAIL_SERVER = new GreenMailExtension(ServerSetupTest.IMAP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withUser(MAILBOX, "cases", "cases-secret"))
      .withPerMethodLifecycle(false);

  @DynamicPropertySource
  static void buyersMailbox(DynamicPropertyRegistry registry) {
    registry.add("seawall.intake.mail.imap-url",
        () -> "imap://cases:cases-secret@127.0.0.1:" + MAIL_SERVER.getImap().getPort() + "/INBOX");
    registry.add("seawall.intake.mail.poll-interval", () -> "200ms");
  }

  @Autowired MockMvc http;
  @Autowired Cases cases;
  @Autowired JdbcClient db;
  @Autowired EmbeddedEngine engine;
  IntakeRecords intake;

  @BeforeEach
  void lookAtTheInbox() {
    intake = new IntakeRecords(db, engine);
  }

  @Test
  void aReplyQuotingTheCaseReferenceBecomesAMessageOnThatCase() throws Exception {
    UUID caseId = openAs(http, "agent", CaseRequests.brokenMugFromGermany(uniqueOrder()));
    String reference = cases.find(caseId).reference();
    String text = "Guten Tag, anbei die Fotos der zerbrochenen Tasse. Bitte schicken Sie mir eine neue Tasse.";

    String messageId = send("anna.privat@example.org", "Re: Ihre Reklamation " + reference, text);

    await().atMost(PROCESSED).until(() -> !inbound(cases.find(caseId)).isEmpty());
    assertThat(inbound(cases.find(caseId))).singleElement().satisfies(message -> {
      assertThat(message.direction()).isEqualTo("INBOUND");
      assertThat(message.channel()).isEqualTo(Channel.EMAIL);
      assertThat(message.language()).isEqualTo("de");
      assertThat(message.body()).isEqualTo(text);
    });
    await().atMost(PROCESSED).until(() -> intake.status("MAIL", messageId).equals("DONE"));
    assertThat(intake.rows("MAIL", messageId)).singleElement().satisfies(row -> {
      assertThat(row.signature()).isEqualTo("UNSIGNED");
      assertThat(row.caseId()).isEqualTo(caseId.toString());
    });
    await().atMost(PROCESSED).until(() -> !intake.published("buyer-replied", caseId.toString()).isEmpty());
    assertThat(intake.published("buyer-replied", caseId.toString())).singleElement()
        .satisfies(message -> assertThat(message.variables()).isEmpty());
  }

  @Test
  void aMailNamingOnlyTheOrderNumberFindsTheOpenCaseAndTheCaseLearnsTheBuyersLanguage() throws Exception {
    String order = uniqueOrder();
    UUID caseId = openAs(http, "agent", CaseRequests.brokenMugFromGermany(order));

    send("someone@example.net", "Order " + order,
        "Hello, I sent the broken mug back two weeks ago for order " + order
            + ". When will I get my money back? Thank you very much.");

    await().atMost(PROCESSED).until(() -> !inbound(cases.find(caseId)).isEmpty());
    CaseView after = cases.find(caseId);
    assertThat(inbound(after)).singleElement()
        .satisfies(message -> assertThat(message.language()).isEqualTo("en"));
    assertThat(after.buyer().language()).isEqualTo("en");
  }

  @Test
  void aMailFromTheBuyersAddressWithoutAnyReferenceLandsOnTheirOpenCase() throws Exception {
    String order = uniqueOrder();
    UUID caseId = openAs(http, "agent", CaseRequests.brokenMugFromGermany(order));

    send(CaseRequests.buyerEmail(order), "Frage", "Hallo, wie lange dauert es noch, bis ich eine Antwort bekomme?");

    await().atMost(PROCESSED).until(() -> !inbound(cases.find(caseId)).isEmpty());
    assertThat(inbound(cases.find(caseId))).singleElement()
        .satisfies(message -> assertThat(message.channel()).isEqualTo(Channel.EMAIL));
  }

  @Test
  void aMailNoCaseMatchesIsParkedNotDropped() throws Exception {
    String messageId = send("stranger@example.com", "Hello", "Do you sell gift cards for your shop as well?");

    await().atMost(PROCESSED).until(() -> intake.status("MAIL", messageId).equals("PARKED"));
    String parked = http.perform(get("/api/intake/parked").with(httpBasic("ops", "ops")))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(parked).contains(messageId).doesNotContain("gift cards").doesNotContain("stranger@example.com");
  }

  /** Delivers a buyer's mail into the seller's mailbox and answers its Message-ID. */
  private static String send(String from, String subject, String text) throws Exception {
    MimeMessage mail = new MimeMessage(Session.getInstance(new Properties()));
    mail.setFrom(new InternetAddress(from));
    mail.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
    mail.setSubject(subject, "UTF-8");
    mail.setText(text, "UTF-8");
    mail.saveChanges();
    MAIL_SERVER.getUserManager().getUserByEmail(MAILBOX).deliver(mail);
    return mail.getMessageID();
  }

  /** What the buyer wrote; the flow may have written to the buyer meanwhile. */
  private static List<CaseView.MessageView> inbound(CaseView view) {
    return view.messages().stream().filter(m -> m.direction().equals("INBOUND")).toList();
  }
}
