package io.seawall.resolution;

import io.seawall.cases.CaseFacts;
import io.seawall.cases.Cases;
import io.seawall.notify.BuyerNoticeTemplates;
import io.seawall.notify.BuyerNoticeTemplates.BuyerNotice;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Tells the buyer, in their language, what was done; the text is kept on the case. */
@Service
public class BuyerNotices {

  private final Cases cases;
  private final BuyerNoticeTemplates templates;

  BuyerNotices(Cases cases, BuyerNoticeTemplates templates) {
    this.cases = cases;
    this.templates = templates;
  }

  /**
   * @param details what the step adds to the case's facts: the amount actually refunded, a tracking
   *     number, a date to act by (each may be null)
   */
  public String tell(UUID caseId, String template, NoticeDetails details, String step, String actor,
      String sourceKey) {
    CaseFacts c = cases.facts(caseId);
    LocalDate dueDate = details.dueBy() == null
        ? null : details.dueBy().atZone(ZoneId.of(cases.buyerTimeZone(caseId))).toLocalDate();
    BuyerNotice notice = templates.render(template, c.buyerLanguage(), new BuyerNoticeTemplates.NoticeFacts(
        c.buyerName(), c.reference(), c.orderReference(),
        details.amount() == null ? c.orderValue() : details.amount(), c.currency(), details.trackingNumber(),
        dueDate));
    cases.recordMessageSent(caseId, template, notice.language(), notice.body(), step, actor, sourceKey);
    return notice.language();
  }

  public record NoticeDetails(BigDecimal amount, String trackingNumber, Instant dueBy) {}
}
