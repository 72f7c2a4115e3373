package io.seawall.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.seawall.CaseRequests.openAs;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.seawall.CaseRequests;
import io.seawall.Fixtures;
import io.seawall.SeawallTest;
import io.seawall.cases.CaseView;
import io.seawall.cases.Cases;
import io.seawall.cases.TimelineKind;
import io.seawall.resolution.BuyerNotices;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Messages reach buyers for real: by e-mail through a real mail server in the test (GreenMail,
 * SMTP out and the IMAP mailbox intake reads replies from), and by WhatsApp through a stand-in for
 * the Cloud API. A buyer is answered the way they wrote; what fails is retried, parked and visible,
 * and every outcome is on the case's timeline.
 */
@SeawallTest
class BuyerMessageDeliveryTest {

  private static final String MAILBOX = "cases@shop.example";
  private static final String PHONE_NUMBER_ID = "106540352242922";
  private static final String TOKEN = "EAAG-test-token-never-logged";
  private static final String MESSAGES = "/v21.0/" + PHONE_NUMBER_ID + "/messages";
  private static final Duration SOON = Duration.ofSeconds(20);

  @RegisterExtension
  static final GreenMailExtension MAIL_SERVER = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP))
      .withConfiguration(GreenMailConfiguration.aConfig().withUser(MAILBOX, "cases", "cases-secret"))
      .withPerMethodLifecycle(false);

  @RegisterExtension
  static WireMockExtension whatsApp = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry registry) {
    registry.add("seawall.notify.adapter", () -> "live");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> MAIL_SERVER.getSmtp().getPort());
    registry.add("seawall.notify.mail.from", () -> "Seawall Demo Shop <support@shop.example>");
    registry.add("seawall.notify.mail.reply-to", () -> MAILBOX);
    registry.add("seawall.notify.whatsapp.base-url", whatsApp::baseUrl);
    registry.add("seawall.notify.whatsapp.phone-number-id", () -> PHONE_NUMBER_ID);
    registry.add("seawall.notify.whatsapp.access-token", () -> TOKEN);
    registry.add("seawall.notify.delivery.poll-interval", () -> "200ms");
    registry.add("seawall.notify.delivery.retry-delay", () -> "300ms");
    registry.add("seawall.notify.delivery.max-attempts", () -> "3");
    registry.add("seawall.intake.mail.imap-url",
        () -> "imap://cases:cases-secret@127.0.0.1:" + MAIL_SERVER.getImap().getPort() + "/INBOX");
    registry.add("seawall.intake.mail.poll-interval", () -> "200ms");
  }

  @Autowired MockMvc http;
  @Autowired Cases cases;
  @Autowired BuyerNotices notices;

  @Test
  void aRefundedBuyerIsToldByMailInTheirLanguageAndTheirReplyComesBackToTheCase() throws Exception {
    String order = uniqueOrder();
    UUID caseId = openAs(http, "agent", CaseRequests.brokenMugFromGermany(order));
    String reference = cases.find(caseId).reference();

    MimeMessage mail = await().atMost(SOON).until(() -> mailTo(CaseRequests.buyerEmail(order)), found -> found != null);

    assertThat(mail.getSubject()).isEqualTo("Ihr Anliegen " + reference + " zur Bestellung " + order);
    assertThat(GreenMailUtil.getBody(mail)).contains("Anna Beispiel", order, reference);
    assertThat(((InternetAddress) mail.getFrom()[0]).getAddress()).isEqualTo("support@shop.example");
    assertThat(((InternetAddress) mail.getReplyTo()[0]).getAddress()).isEqualTo(MAILBOX);
    assertThat(mail.getHeader("Content-Language", null)).isEqualTo("de");
    assertThat(mail.getMessageID()).startsWith("<seawall." + reference + ".").endsWith("@shop.example>");
    await().atMost(SOON).until(() -> delivered(caseId).contains("refund-issued delivered by e-mail"));
    assertThat(outbound(caseId)).singleElement().satisfies(message -> {
      assertThat(message.deliveryStatus()).isEqualTo("DELIVERED");
      assertThat(message.deliveredBy()).isEqualTo("e-mail");
    });

    GreenMailUtil.sendTextEmail(MAILBOX, CaseRequests.buyerEmail(order), "Re: " + mail.getSubject(),
        "Danke, das Geld ist angekommen.", MAIL_SERVER.getSmtp().getServerSetup());
    await().atMost(SOON).until(() -> cases.find(caseId).messages().stream()
        .anyMatch(m -> m.direction().equals("INBOUND") && m.body().contains("Geld ist angekommen")));
  }

  @Test
  void aBuyerWhoWroteOnWhatsAppIsAnsweredOnWhatsApp() throws Exception {
    String order = uniqueOrder();
    whatsApp.stubFor(sendTo(order).willReturn(accepted(order, "wamid.HBgLMTY1MDUwNzY1MjAVAgARGBI5QTNDQTVC")));
    UUID caseId = openAs(http, "agent", onWhatsApp(CaseRequests.designerCoatNotAsDescribedFromUs(order)));

    tell(caseId, "refund-issued");

    await().atMost(SOON).until(() -> delivered(caseId).contains("refund-issued delivered by WhatsApp"));
    whatsApp.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .withRequestBody(matchingJsonPath("$.to", equalTo(digits(order))))
        .withRequestBody(equalToJson("""
            {"messaging_product": "whatsapp", "recipient_type": "individual", "type": "text",
             "text": {"preview_url": false}}""", true, true))
        .withRequestBody(matchingJsonPath("$.text.body", com.github.tomakehurst.wiremock.client.WireMock
            .containing(cases.find(caseId).reference()))));
    assertThat(mailTo(CaseRequests.buyerEmail(order))).as("not also by mail").isNull();
  }

  @Test
  void whenWhatsAppsWindowHasClosedTheBuyerIsWrittenToByMailInstead() throws Exception {
    String order = uniqueOrder();
    whatsApp.stubFor(sendTo(order).willReturn(graphError(400, 131047, "Re-engagement message")));
    UUID caseId = openAs(http, "agent", onWhatsApp(CaseRequests.designerCoatNotAsDescribedFromUs(order)));

    tell(caseId, "return-declined");

    await().atMost(SOON).until(() -> mailTo(CaseRequests.buyerEmail(order)) != null);
    await().atMost(SOON).until(() -> delivered(caseId).contains("return-declined delivered by e-mail"));
    whatsApp.verify(1, postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(digits(order)))));
  }

  @Test
  void aWhatsAppMessageThatFailsAfterItWasAcceptedGoesOutByMailInstead() throws Exception {
    String order = uniqueOrder();
    String wamid = "wamid.HBgLMTY0NjcwNDM1OTUVAgARGBI1RjQy" + UUID.randomUUID().toString().substring(0, 8);
    whatsApp.stubFor(sendTo(order).willReturn(accepted(order, wamid)));
    UUID caseId = openAs(http, "agent", onWhatsApp(CaseRequests.designerCoatNotAsDescribedFromUs(order)));
    tell(caseId, "refund-issued");
    await().atMost(SOON).until(() -> delivered(caseId).contains("refund-issued delivered by WhatsApp"));

    String failed = Fixtures.text("intake/whatsapp/status-failed.json").replace("${wamid}", wamid)
        .replace("${timestamp}", String.valueOf(System.currentTimeMillis() / 1000)).replace("${recipient}", digits(order));
    http.perform(MockMvcRequestBuilders.post("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON)
            .content(failed).header("X-Hub-Signature-256", "sha256=" + hmacSha256Hex(failed)))
        .andExpect(status().isOk());

    await().atMost(SOON).until(() -> mailTo(CaseRequests.buyerEmail(order)) != null);
    await().atMost(SOON).until(() -> delivered(caseId).contains("refund-issued delivered by e-mail"));
    assertThat(timeline(caseId, TimelineKind.MESSAGE_UNDELIVERED)).containsExactly(
        "refund-issued did not reach the buyer by WhatsApp: WhatsApp error 131047 (Re-engagement message)");
    whatsApp.verify(1, postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(digits(order)))));
  }

  @Test
  void aMailTheBuyersServerReturnsIsMarkedUndeliveredOnTheCase() throws Exception {
    String order = uniqueOrder();
    UUID caseId = openAs(http, "agent", CaseRequests.designerCoatNotAsDescribedFromUs(order));
    tell(caseId, "return-declined");
    MimeMessage sent = await().atMost(SOON).until(() -> mailTo(CaseRequests.buyerEmail(order)), found -> found != null);
    await().atMost(SOON).until(() -> delivered(caseId).contains("return-declined delivered by e-mail"));

    GreenMailUtil.sendMimeMessage(deliveryReport(sent.getMessageID(), CaseRequests.buyerEmail(order)));

    // The bounce is recorded, then the message goes back in line, where no other channel reaches this buyer.
    await().atMost(SOON).until(() -> timeline(caseId, TimelineKind.MESSAGE_UNDELIVERED).size() == 2);
    assertThat(timeline(caseId, TimelineKind.MESSAGE_UNDELIVERED)).containsExactly(
        "return-declined did not reach the buyer by e-mail: the buyer's mail server returned it (status 5.1.1)",
        "return-declined did not reach the buyer: no channel but e-mail reaches the buyer");
    assertThat(cases.find(caseId).messages()).noneMatch(m -> m.direction().equals("INBOUND"));
  }

  @Test
  void aThrottledWhatsAppIsTriedAgainAndTheMessageGoesOutOnce() throws Exception {
    String order = uniqueOrder();
    whatsApp.stubFor(sendTo(order).inScenario(order).whenScenarioStateIs(Scenario.STARTED)
        .willReturn(graphError(400, 130429, "Rate limit hit")).willSetStateTo("calm"));
    whatsApp.stubFor(sendTo(order).inScenario(order).whenScenarioStateIs("calm")
        .willReturn(accepted(order, "wamid.second-try")));
    UUID caseId = openAs(http, "agent", onWhatsApp(CaseRequests.designerCoatNotAsDescribedFromUs(order)));

    tell(caseId, "reship-dispatched");

    await().atMost(SOON).until(() -> delivered(caseId).contains("reship-dispatched delivered by WhatsApp"));
    whatsApp.verify(2, postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(digits(order)))));
    assertThat(timeline(caseId, TimelineKind.MESSAGE_UNDELIVERED)).isEmpty();
    assertThat(mailTo(CaseRequests.buyerEmail(order))).isNull();
  }

  @Test
  void aMessageThatKeepsFailingIsParkedVisiblyAndGoesOutWhenOpsRedeliverIt() throws Exception {
    String order = uniqueOrder();
    whatsApp.stubFor(sendTo(order).willReturn(aResponse().withStatus(500)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\": {\"message\": \"An unknown error occurred\", \"type\": \"OAuthException\", \"code\": 1,"
            + " \"fbtrace_id\": \"AbCdEf\"}}")));
    UUID caseId = openAs(http, "agent", withoutEmail(onWhatsApp(CaseRequests.designerCoatNotAsDescribedFromUs(order))));

    tell(caseId, "refund-issued");

    await().atMost(SOON).until(() -> !timeline(caseId, TimelineKind.MESSAGE_UNDELIVERED).isEmpty());
    assertThat(timeline(caseId, TimelineKind.MESSAGE_UNDELIVERED)).singleElement().asString()
        .startsWith("refund-issued not delivered after 3 attempts: WhatsApp: WhatsApp error 1 (An unknown error");
    whatsApp.verify(3, postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(digits(order)))));
    long id = outboundId(caseId);
    String listed = http.perform(get("/api/buyer-messages/undelivered").with(httpBasic("ops", "ops")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(listed).contains("\"id\":" + id, "\"status\":\"PARKED\"", "\"attempts\":3",
        cases.find(caseId).reference()).doesNotContain(digits(order), "Anna");

    whatsApp.stubFor(sendTo(order).willReturn(accepted(order, "wamid.after-the-outage")));
    http.perform(MockMvcRequestBuilders.post("/api/buyer-messages/" + id + "/redeliver").with(httpBasic("ops", "ops")))
        .andExpect(status().isAccepted());

    await().atMost(SOON).until(() -> delivered(caseId).contains("refund-issued delivered by WhatsApp"));
    http.perform(MockMvcRequestBuilders.post("/api/buyer-messages/" + id + "/redeliver").with(httpBasic("ops", "ops")))
        .andExpect(status().isNotFound());
    http.perform(get("/api/buyer-messages/undelivered").with(httpBasic("agent", "agent")))
        .andExpect(status().isForbidden());
  }

  @Test
  void whatsAppRefusingSeawallsTokenNamesTheSettingToFixAndNeverTheToken() throws Exception {
    String order = uniqueOrder();
    whatsApp.stubFor(sendTo(order).willReturn(graphError(401, 190, "Error validating access token: Session has expired")));
    UUID caseId = openAs(http, "agent", withoutEmail(onWhatsApp(CaseRequests.designerCoatNotAsDescribedFromUs(order))));

    tell(caseId, "refund-issued");

    await().atMost(SOON).until(() -> !timeline(caseId, TimelineKind.MESSAGE_UNDELIVERED).isEmpty());
    assertThat(timeline(caseId, TimelineKind.MESSAGE_UNDELIVERED)).singleElement().asString()
        .contains("WhatsApp error 190", "fix seawall.notify.whatsapp.access-token").doesNotContain(TOKEN);
  }

  @Test
  void aBuyerWithNoAddressAtAllIsRecordedAsUnreachableAtOnce() throws Exception {
    String order = uniqueOrder();
    UUID caseId = openAs(http, "agent", withoutPhone(withoutEmail(CaseRequests.designerCoatNotAsDescribedFromUs(order))));

    tell(caseId, "return-declined");

    await().atMost(SOON).until(() -> !timeline(caseId, TimelineKind.MESSAGE_UNDELIVERED).isEmpty());
    assertThat(timeline(caseId, TimelineKind.MESSAGE_UNDELIVERED)).containsExactly(
        "return-declined did not reach the buyer: the case has no e-mail address or WhatsApp number for the buyer");
    assertThat(outbound(caseId)).singleElement()
        .satisfies(message -> assertThat(message.deliveryStatus()).isEqualTo("UNDELIVERABLE"));
  }

  private void tell(UUID caseId, String template) {
    notices.tell(caseId, template, new BuyerNotices.NoticeDetails(null, "SW0000000001", null), "tell-buyer", "test",
        "test:" + template + ":" + caseId);
  }

  /** A report as Postfix writes it (RFC 3464) when the buyer's mailbox does not exist. */
  private static MimeMessage deliveryReport(String originalMessageId, String buyer) throws Exception {
    MimeMessage report = new MimeMessage(MAIL_SERVER.getSmtp().createSession());
    report.setFrom(new InternetAddress("MAILER-DAEMON@mx.shop.example"));
    report.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
    report.setSubject("Undelivered Mail Returned to Sender");
    jakarta.mail.internet.MimeMultipart parts = new jakarta.mail.internet.MimeMultipart("report; report-type=delivery-status");
    jakarta.mail.internet.MimeBodyPart human = new jakarta.mail.internet.MimeBodyPart();
    human.setText("I'm sorry to have to inform you that your message could not be delivered to one or more recipients.");
    parts.addBodyPart(human);
    jakarta.mail.internet.MimeBodyPart status = new jakarta.mail.internet.MimeBodyPart();
    status.setContent("Reporting-MTA: dns; mx.shop.example\r\n\r\nFinal-Recipient: rfc822; " + buyer
        + "\r\nAction: failed\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1 User unknown\r\n",
        "message/delivery-status");
    parts.addBodyPart(status);
    jakarta.mail.internet.MimeBodyPart headers = new jakarta.mail.internet.MimeBodyPart();
    headers.setContent("Message-ID: " + originalMessageId + "\r\nFrom: support@shop.example\r\nTo: " + buyer + "\r\n",
        "text/rfc822-headers");
    parts.addBodyPart(headers);
    report.setContent(parts);
    report.saveChanges();
    return report;
  }

  private MimeMessage mailTo(String address) throws Exception {
    return Arrays.stream(MAIL_SERVER.getReceivedMessages())
        .filter(m -> {
          try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                .anyMatch(to -> ((InternetAddress) to).getAddress().equals(address));
          } catch (jakarta.mail.MessagingException e) {
            return false;
          }
        })
        .findFirst().orElse(null);
  }

  private List<String> delivered(UUID caseId) {
    return timeline(caseId, TimelineKind.MESSAGE_DELIVERED);
  }

  private List<String> timeline(UUID caseId, TimelineKind kind) {
    return cases.find(caseId).timeline().stream().filter(e -> e.kind() == kind)
        .map(CaseView.TimelineView::detail).toList();
  }

  private List<CaseView.MessageView> outbound(UUID caseId) {
    return cases.find(caseId).messages().stream().filter(m -> m.direction().equals("OUTBOUND")).toList();
  }

  private long outboundId(UUID caseId) throws Exception {
    String listed = http.perform(get("/api/buyer-messages/undelivered").with(httpBasic("ops", "ops")))
        .andReturn().getResponse().getContentAsString();
    List<Integer> ids = com.jayway.jsonpath.JsonPath.read(listed, "$[?(@.caseId == '" + caseId + "')].id");
    return ids.getFirst();
  }

  /** WhatsApp signs with the app secret of the test accounts' configuration. */
  private static String hmacSha256Hex(String body) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(
        "whatsapp-test-app-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
  }

  private static MappingBuilder sendTo(String order) {
    return post(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(digits(order))));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder accepted(String order, String wamid) {
    return aResponse().withStatus(200).withHeader("Content-Type", MediaType.APPLICATION_JSON_VALUE).withBody("""
        {"messaging_product": "whatsapp", "contacts": [{"input": "%s", "wa_id": "%s"}], "messages": [{"id": "%s"}]}
        """.formatted(digits(order), digits(order), wamid));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder graphError(
      int status, int code, String title) {
    return aResponse().withStatus(status).withHeader("Content-Type", MediaType.APPLICATION_JSON_VALUE).withBody("""
        {"error": {"message": "(#%d) %s", "type": "OAuthException", "code": %d,
         "error_data": {"messaging_product": "whatsapp", "details": "details about the recipient"},
         "fbtrace_id": "Az8or2yhqkZfEZ-_4Qn_Bam"}}
        """.formatted(code, title, code));
  }

  private static String digits(String order) {
    return CaseRequests.buyerPhone(order).replaceAll("\\D", "");
  }

  private static String onWhatsApp(String body) {
    return body.replace("\"channel\": \"EMAIL\"", "\"channel\": \"WHATSAPP\"");
  }

  private static String withoutEmail(String body) {
    return body.replaceAll("\"email\": \"[^\"]*\",", "");
  }

  private static String withoutPhone(String body) {
    return body.replaceAll("\"phone\": \"[^\"]*\",", "");
  }
}
