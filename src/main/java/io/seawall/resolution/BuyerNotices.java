package io.seawall.resolution;

import io.seawall.cases.CaseFacts;
import io.seawall.cases.Cases;
import io.seawall.notify.BuyerNoticeTemplates;
import io.seawall.notify.BuyerNoticeTemplates.BuyerNotice;
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

  public String tell(UUID caseId, String template, String step, String actor, String sourceKey) {
    CaseFacts c = cases.facts(caseId);
    BuyerNotice notice = templates.render(template, c.buyerLanguage(),
        new BuyerNoticeTemplates.NoticeFacts(c.buyerName(), c.reference(), c.orderReference(), c.orderValue(), c.currency()));
    cases.recordMessageSent(caseId, template, notice.language(), notice.body(), step, actor, sourceKey);
    return notice.language();
  }
}
