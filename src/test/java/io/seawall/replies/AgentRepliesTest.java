package io.seawall.replies;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.seawall.CaseRequests.openAs;
import static io.seawall.CaseRequests.uniqueOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.seawall.CaseRequests;
import io.seawall.Fixtures;
import io.seawall.SeawallTest;
import io.seawall.cases.CaseView;
import io.seawall.cases.Cases;
import io.seawall.cases.TimelineKind;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Agents write to buyers from a case, and what they write reaches the buyer for real: by e-mail
 * through a mail server in the test (GreenMail), by WhatsApp through a stand-in for the Cloud API.
 * Internal notes stay on the case; macros are data ops staff change.
 */
@SeawallTest
class AgentRepliesTest {

  private static final String PHONE_NUMBER_ID = "106540352242922";
  private static final String MESSAGES = "/v21.0/" + PHONE_NUMBER_ID + "/messages";
  // Delivery runs on the outbox's poller after the intake's; on a loaded two-core machine that took over 20 s.
  private static final Duration SOON = Duration.ofSeconds(60);

  @RegisterExtension
  static final GreenMailExtension MAIL_SERVER = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
      .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
      .withPerMethodLifecycle(false);

  @RegisterExtension
  static WireMockExtension whatsApp = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry registry) {
    registry.add("seawall.notify.adapter", () -> "live");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> MAIL_SERVER.getSmtp().getPort());
    registry.add("seawall.notify.mail.from", () -> "Seawall Demo Shop <support@shop.example>");
    registry.add("seawall.notify.mail.reply-to", () -> "cases@shop.example");
    registry.add("seawall.notify.whatsapp.base-url", whatsApp::baseUrl);
    registry.add("seawall.notify.whatsapp.phone-number-id", () -> PHONE_NUMBER_ID);
    registry.add("seawall.notify.whatsapp.access-token", () -> "EAAG-test-token");
    registry.add("seawall.notify.delivery.poll-interval", () -> "200ms");
  }

  @Autowired MockMvc http;
  @Autowired Cases cases;

  @Test
  void aMacroReplyToAGermanBuyerWhoWroteByMailArrivesInGermanAndShowsDelivered() throws Exception {
    String order = uniqueOrder();
    UUID caseId = openAs(http, "agent", coatFromGermany(order));
    String reference = cases.find(caseId).reference();

    reply(caseId, "agent", "{\"macro\": \"where-is-my-parcel\"}")
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.language").value("de"))
        .andExpect(jsonPath("$.englishFallback").value(false))
        .andExpect(jsonPath("$.deliveryStatus").value("PENDING"));

    MimeMessage mail = await().atMost(SOON)
        .until(() -> mailTo(CaseRequests.buyerEmail(order), "Sendungsnummer"), found -> found != null);
    assertThat(mail.getSubject()).isEqualTo("Ihr Anliegen " + reference + " zur Bestellung " + order);
    assertThat(text(mail)).contains("Hallo Anna Beispiel", order, "JD0002244", reference);
    await().atMost(SOON).until(() -> timeline(caseId, TimelineKind.MESSAGE_DELIVERED)
        .contains("agent-reply:where-is-my-parcel delivered by e-mail"));
    assertThat(cases.find(caseId).timeline()).filteredOn(e -> e.kind() == TimelineKind.MESSAGE_SENT)
        .singleElement().satisfies(sent -> {
          assertThat(sent.actor()).isEqualTo("agent");
          assertThat(sent.detail()).isEqualTo("agent replied (macro where-is-my-parcel, de); on its way");
        });
    http.perform(get("/api/cases/" + caseId).with(httpBasic("agent", "agent")))
        .andExpect(jsonPath("$.messages[0].author").value("agent"))
        .andExpect(jsonPath("$.messages[0].template").value("agent-reply:where-is-my-parcel"))
        .andExpect(jsonPath("$.messages[0].language").value("de"))
        .andExpect(jsonPath("$.messages[0].body", containsString("Ihre Bestellung " + order + " ist unterwegs")))
        .andExpect(jsonPath("$.messages[0].deliveryStatus").value("DELIVERED"))
        .andExpect(jsonPath("$.messages[0].deliveredBy").value("e-mail"));
  }

  @Test
  void aReplyToABuyerWhoseWhatsAppMessageArrivedGoesOutOnWhatsApp() throws Exception {
    String order = uniqueOrder();
    String phone = CaseRequests.buyerPhone(order).replaceAll("\\D", "");
    whatsApp.stubFor(post(urlEqualTo(MESSAGES)).withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
            "{\"messaging_product\": \"whatsapp\", \"messages\": [{\"id\": \"wamid.reply-" + phone + "\"}]}")));
    UUID caseId = openAs(http, "agent", CaseRequests.designerCoatNotAsDescribedFromUs(order));
    buyerWritesOnWhatsApp(phone, "Hi, about my case " + cases.find(caseId).reference()
        + ": the colour of the coat is really nothing like the photos. What can you do?");
    await().atMost(SOON).until(() -> cases.find(caseId).messages().stream()
        .anyMatch(m -> m.direction().equals("INBOUND")));

    reply(caseId, "manager", "{\"text\": \"Sorry about the colour. A courier will pick the coat up on Monday.\"}")
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.macro").doesNotExist());

    await().atMost(SOON).until(() -> timeline(caseId, TimelineKind.MESSAGE_DELIVERED)
        .contains("agent-reply delivered by WhatsApp"));
    whatsApp.verify(1, postRequestedFor(urlEqualTo(MESSAGES))
        .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
        .withRequestBody(matchingJsonPath("$.text.body", containing("A courier will pick the coat up on Monday."))));
    assertThat(mailTo(CaseRequests.buyerEmail(order), "courier")).as("not also by mail").isNull();
    assertThat(cases.find(caseId).timeline()).filteredOn(e -> e.kind() == TimelineKind.MESSAGE_SENT)
        .singleElement().satisfies(sent -> {
          assertThat(sent.actor()).isEqualTo("manager");
          assertThat(sent.detail()).isEqualTo("agent replied (free text, en); on its way").doesNotContain("courier");
        });
  }

  @Test
  void aReplySentTwiceWithTheSameIdempotencyKeyReachesTheBuyerOnce() throws Exception {
    String order = uniqueOrder();
    UUID caseId = openAs(http, "agent", coatFromGermany(order));
    String key = UUID.randomUUID().toString();

    String first = http.perform(MockMvcRequestBuilders.post("/api/cases/" + caseId + "/messages")
            .with(httpBasic("agent", "agent")).header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON).content("{\"macro\": \"refund-issued\"}"))
        .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
    http.perform(MockMvcRequestBuilders.post("/api/cases/" + caseId + "/messages")
            .with(httpBasic("agent", "agent")).header("Idempotency-Key", key)
            .contentType(MediaType.APPLICATION_JSON).content("{\"macro\": \"refund-issued\"}"))
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.messageId").value(com.jayway.jsonpath.JsonPath.<Integer>read(first, "$.messageId")));
    refused(http.perform(MockMvcRequestBuilders.post("/api/cases/" + caseId + "/messages")
        .with(httpBasic("agent", "agent")).header("Idempotency-Key", "k".repeat(65))
        .contentType(MediaType.APPLICATION_JSON).content("{\"macro\": \"refund-issued\"}")), "Idempotency-Key");

    await().atMost(SOON).until(() -> mailTo(CaseRequests.buyerEmail(order), "1.450,00") != null);
    assertThat(cases.find(caseId).messages()).singleElement()
        .satisfies(m -> assertThat(m.body()).contains("wir haben Ihnen 1.450,00"));
    assertThat(timeline(caseId, TimelineKind.MESSAGE_SENT)).hasSize(1);
  }

  @Test
  void aNoteStaysOnTheCaseAndIsNeverSent() throws Exception {
    String order = uniqueOrder();
    UUID caseId = openAs(http, "agent", CaseRequests.designerCoatNotAsDescribedFromUs(order));
    String note = "Buyer phoned, upset: the warehouse should check the coat's colour batch";

    http.perform(MockMvcRequestBuilders.post("/api/cases/" + caseId + "/notes").with(httpBasic("agent", "agent"))
            .contentType(MediaType.APPLICATION_JSON).content("{\"text\": \"" + note + "\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.author").value("agent"))
        .andExpect(jsonPath("$.text").value(note));

    http.perform(get("/api/cases/" + caseId).with(httpBasic("ops", "ops")))
        .andExpect(jsonPath("$.notes[0].text").value(note))
        .andExpect(jsonPath("$.notes[0].author").value("agent"))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("\"direction\":\"OUTBOUND\""))));
    assertThat(timeline(caseId, TimelineKind.NOTE_ADDED)).containsExactly("internal note added");
    await().during(Duration.ofSeconds(1)).atMost(SOON).until(() -> mailTo(CaseRequests.buyerEmail(order), "") == null);
    whatsApp.verify(0, postRequestedFor(urlEqualTo(MESSAGES)).withRequestBody(containing("colour batch")));
  }

  @Test
  void badInputIsAnsweredWithTheFieldAtFaultAndNothingIsKept() throws Exception {
    UUID caseId = openAs(http, "agent", CaseRequests.designerCoatNotAsDescribedFromUs(uniqueOrder()));
    UUID unshipped = openAs(http, "agent", CaseRequests.designerCoatNotAsDescribedFromUs(uniqueOrder())
        .replaceAll(",\\s*\"shipments\": \\[[^]]*]", ""));

    refused(reply(caseId, "agent", "{}"), "text");
    refused(reply(caseId, "agent", "{\"text\": \"   \"}"), "text");
    refused(reply(caseId, "agent", "{\"text\": \"" + "x".repeat(4001) + "\"}"), "text");
    refused(reply(caseId, "agent", "{\"text\": {\"nested\": true}}"), "text");
    refused(reply(caseId, "agent", "{\"macro\": \"no-such-macro\"}"), "macro");
    refused(reply(caseId, "agent", "{\"macro\": \"" + "m".repeat(49) + "\"}"), "macro");
    refused(reply(caseId, "agent", "{\"macro\": \"where-is-my-parcel\", \"text\": \"" + "x".repeat(3900) + "\"}"),
        "text");
    refused(reply(unshipped, "agent", "{\"macro\": \"where-is-my-parcel\"}"), "macro")
        .andExpect(jsonPath("$.errors[0].message", containsString("{trackingNumber}")));
    reply(caseId, "agent", "{\"text\": ").andExpect(status().isBadRequest());
    reply(UUID.randomUUID(), "agent", "{\"text\": \"Hello\"}").andExpect(status().isNotFound());
    refused(note(caseId, "{\"text\": \"\"}"), "text");
    refused(note(caseId, "{\"text\": \"" + "x".repeat(4001) + "\"}"), "text");
    note(UUID.randomUUID(), "{\"text\": \"Hello\"}").andExpect(status().isNotFound());

    for (UUID id : List.of(caseId, unshipped)) {
      CaseView after = cases.find(id);
      assertThat(after.messages()).isEmpty();
      assertThat(after.notes()).isEmpty();
      assertThat(after.timeline()).noneMatch(e -> e.kind() == TimelineKind.MESSAGE_SENT
          || e.kind() == TimelineKind.NOTE_ADDED);
    }
  }

  @Test
  void opsCannotWriteToBuyersAndAgentsCannotChangeMacros() throws Exception {
    UUID caseId = openAs(http, "agent", CaseRequests.designerCoatNotAsDescribedFromUs(uniqueOrder()));

    reply(caseId, "ops", "{\"text\": \"Hello\"}").andExpect(status().isForbidden());
    note(caseId, "ops", "{\"text\": \"Hello\"}").andExpect(status().isForbidden());
    putMacro("agent", "where-is-my-parcel", "{\"title\": \"Parcel\", \"bodies\": {\"en\": \"Hi {buyerName}\"}}")
        .andExpect(status().isForbidden());

    assertThat(cases.find(caseId).messages()).isEmpty();
    http.perform(get("/api/macros/where-is-my-parcel").with(httpBasic("agent", "agent")))
        .andExpect(jsonPath("$.title").value("Where is my parcel"));
  }

  @Test
  void opsAddAMacroThatAgentsSendInTheBuyersLanguageOrElseInEnglish() throws Exception {
    String key = "size-exchange-" + UUID.randomUUID().toString().substring(0, 8);
    String macro = """
        {"title": "Offer a size exchange", "bodies": {
          "en": "Hello {buyerName}, we can exchange the item of order {orderReference} ({amount}) for another size.",
          "de": "Hallo {buyerName}, wir tauschen den Artikel der Bestellung {orderReference} ({amount}) gern um."}}""";

    refused(putMacro("ops", key, macro.replace("({amount}) gern", "({price}) gern")), "bodies.de")
        .andExpect(jsonPath("$.errors[0].message", containsString("{price}")));
    refused(putMacro("ops", key, "{\"title\": \"German\", \"bodies\": {\"de\": \"Hallo {buyerName}\"}}"), "bodies.en");
    refused(putMacro("ops", "Size_Exchange", macro), "key");
    refused(putMacro("ops", key, macro.replace("Offer a size exchange", " ")), "title");
    http.perform(get("/api/macros/" + key).with(httpBasic("agent", "agent"))).andExpect(status().isNotFound());
    putMacro("ops", key, macro).andExpect(status().isCreated()).andExpect(jsonPath("$.updatedBy").value("ops"));
    putMacro("admin", key, macro).andExpect(status().isOk()).andExpect(jsonPath("$.updatedBy").value("admin"));

    http.perform(get("/api/macros").with(httpBasic("agent", "agent")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.key == '" + key + "')].languages[*]").value(
            org.hamcrest.Matchers.contains("de", "en")))
        .andExpect(jsonPath("$[?(@.key == 'refund-issued')].languages[*]").value(org.hamcrest.Matchers.hasSize(15)));
    UUID german = openAs(http, "agent", coatFromGermany(uniqueOrder()));
    http.perform(get("/api/macros/" + key).param("caseId", german.toString()).with(httpBasic("agent", "agent")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.language").value("de"))
        .andExpect(jsonPath("$.englishFallback").value(false))
        .andExpect(jsonPath("$.text", containsString("Hallo Anna Beispiel")))
        .andExpect(jsonPath("$.text", containsString("(1.450,00")));
    String frenchOrder = uniqueOrder();
    UUID french = openAs(http, "agent", CaseRequests.body("SHOPEE", frenchOrder, "FR", "fr", "Europe/Paris",
        "NOT_AS_DESCRIBED", "La couleur ne va pas.", "1450.00", "EUR", 1, 3));

    reply(french, "agent", "{\"macro\": \"" + key + "\", \"text\": \"Merci !\"}")
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.language").value("en"))
        .andExpect(jsonPath("$.buyerLanguage").value("fr"))
        .andExpect(jsonPath("$.englishFallback").value(true));

    MimeMessage mail = await().atMost(SOON)
        .until(() -> mailTo(CaseRequests.buyerEmail(frenchOrder), "another size"), found -> found != null);
    assertThat(text(mail)).contains("Hello Anna Beispiel", frenchOrder, "Merci !");
    assertThat(timeline(french, TimelineKind.MESSAGE_SENT))
        .containsExactly("agent replied (macro " + key + " and text, en for a fr buyer); on its way");
  }

  private ResultActions reply(UUID caseId, String user, String body) throws Exception {
    return http.perform(MockMvcRequestBuilders.post("/api/cases/" + caseId + "/messages").with(httpBasic(user, user))
        .contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private ResultActions note(UUID caseId, String body) throws Exception {
    return note(caseId, "agent", body);
  }

  private ResultActions note(UUID caseId, String user, String body) throws Exception {
    return http.perform(MockMvcRequestBuilders.post("/api/cases/" + caseId + "/notes").with(httpBasic(user, user))
        .contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private ResultActions putMacro(String user, String key, String body) throws Exception {
    return http.perform(put("/api/macros/" + key).with(httpBasic(user, user))
        .contentType(MediaType.APPLICATION_JSON).content(body));
  }

  private static ResultActions refused(ResultActions answer, String field) throws Exception {
    return answer.andExpect(status().isBadRequest())
        .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.errors[0].field").value(field));
  }

  /** A German buyer's 1,450 EUR coat: high-value, so it waits for an agent and no notice goes out first. */
  private static String coatFromGermany(String order) {
    return CaseRequests.body("SHOPEE", order, "DE", "de", "Europe/Berlin", "NOT_AS_DESCRIBED",
        "Die Farbe ist ganz anders als auf den Fotos.", "1450.00", "EUR", 1, 3);
  }

  /** The buyer's message as WhatsApp posts it, signed with the test app secret. */
  private void buyerWritesOnWhatsApp(String from, String text) throws Exception {
    String body = Fixtures.text("intake/whatsapp/text-message.json").replace("${from}", from)
        .replace("${messageId}", "wamid." + UUID.randomUUID()).replace("${text}", text);
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec("whatsapp-test-app-secret".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    String signature = HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    http.perform(MockMvcRequestBuilders.post("/webhooks/whatsapp").contentType(MediaType.APPLICATION_JSON)
            .content(body).header("X-Hub-Signature-256", "sha256=" + signature))
        .andExpect(status().isOk());
  }

  private static MimeMessage mailTo(String address, String saying) {
    return Arrays.stream(MAIL_SERVER.getReceivedMessages())
        .filter(m -> {
          try {
            return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                .anyMatch(to -> ((InternetAddress) to).getAddress().equals(address))
                && text(m).contains(saying);
          } catch (MessagingException | IOException e) {
            return false;
          }
        })
        .findFirst().orElse(null);
  }

  private static String text(MimeMessage mail) throws MessagingException, IOException {
    return (String) mail.getContent();
  }

  private List<String> timeline(UUID caseId, TimelineKind kind) {
    return cases.find(caseId).timeline().stream().filter(e -> e.kind() == kind)
        .map(CaseView.TimelineView::detail).toList();
  }
}
