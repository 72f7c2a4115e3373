package io.seawall.replies;

import io.seawall.cases.CaseView;
import io.seawall.cases.Cases;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Saved replies, kept as data ops staff change without a release. A macro is filled from the case
 * store when it is sent, in the buyer's language, or in English when the macro lacks it.
 */
@Service
public class Macros {

  private static final Logger log = LoggerFactory.getLogger(Macros.class);
  private static final int BODY_LENGTH = 2000;
  private static final int KEY_LENGTH = 48;
  private static final String FALLBACK = "en";
  private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
  private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]*)}");
  private static final Set<String> PLACEHOLDERS =
      Set.of("buyerName", "orderReference", "caseReference", "trackingNumber", "amount");

  private final JdbcClient db;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final Cases cases;

  Macros(JdbcClient db, TransactionTemplate tx, Clock clock, Cases cases) {
    this.db = db;
    this.tx = tx;
    this.clock = clock;
    this.cases = cases;
  }

  public List<MacroSummary> list() {
    return tx.execute(status -> {
      Map<String, List<String>> languages = new TreeMap<>();
      db.sql("select macro_key, language from reply_macro_body order by macro_key, language")
          .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
          .list()
          .forEach(body -> languages.computeIfAbsent(body.getKey(), k -> new ArrayList<>()).add(body.getValue()));
      return db.sql("select macro_key, title from reply_macro order by title, macro_key")
          .query((rs, n) -> new MacroSummary(rs.getString(1), rs.getString(2),
              List.copyOf(languages.getOrDefault(rs.getString(1), List.of()))))
          .list();
    });
  }

  public Macro find(String key) {
    return stored(key).orElseThrow(() -> new ReplyProblem.UnknownMacro(key));
  }

  /** The macro as the case's buyer would get it now. */
  public MacroPreview preview(String key, UUID caseId) {
    Macro macro = find(key);
    CaseView c = cases.find(caseId);
    Filled filled = fill(macro, c);
    return new MacroPreview(key, caseId, filled.language(), c.buyer().language(), filled.englishFallback(),
        filled.text(), filled.unfilled());
  }

  /**
   * Adds or replaces a macro with exactly these bodies.
   *
   * @return true when the macro is new
   */
  public boolean save(String key, MacroRequest request, String actor) {
    check(key, request);
    try {
      return tx.execute(status -> write(key, request, actor));
    } catch (DuplicateKeyException raced) {
      // Another request created the same macro between our update and our insert: this one replaces it.
      return tx.execute(status -> write(key, request, actor));
    }
  }

  /**
   * The macro's text for the case's buyer, every placeholder filled.
   *
   * @throws ReplyProblem.Rejected naming the {@code macro} field for an unknown macro or a fact the case lacks
   */
  Filled fillForSending(String key, CaseView c) {
    Macro macro = stored(key).orElseThrow(() -> new ReplyProblem.Rejected("macro", "no macro " + key));
    Filled filled = fill(macro, c);
    if (!filled.unfilled().isEmpty()) {
      throw new ReplyProblem.Rejected("macro", "needs " + String.join(", ", filled.unfilled().stream()
          .map(name -> "{" + name + "}").toList()) + ", which the case does not have; write the reply as text");
    }
    return filled;
  }

  private Optional<Macro> stored(String key) {
    return tx.execute(status -> db.sql("select title, updated_by, updated_at from reply_macro where macro_key = ?")
        .param(key)
        .query((rs, n) -> new Macro(key, rs.getString(1), Map.of(), rs.getString(2), rs.getTimestamp(3).toInstant()))
        .optional()
        .map(macro -> new Macro(key, macro.title(), bodies(key), macro.updatedBy(), macro.updatedAt())));
  }

  private Map<String, String> bodies(String key) {
    Map<String, String> bodies = new TreeMap<>();
    db.sql("select language, body from reply_macro_body where macro_key = ?")
        .param(key)
        .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
        .list()
        .forEach(body -> bodies.put(body.getKey(), body.getValue()));
    return bodies;
  }

  private boolean write(String key, MacroRequest request, String actor) {
    Timestamp now = Timestamp.from(clock.instant());
    boolean created = db.sql("update reply_macro set title = ?, updated_by = ?, updated_at = ? where macro_key = ?")
        .params(request.title(), actor, now, key)
        .update() == 0;
    if (created) {
      db.sql("insert into reply_macro (macro_key, title, updated_by, updated_at) values (?, ?, ?, ?)")
          .params(key, request.title(), actor, now)
          .update();
    }
    db.sql("delete from reply_macro_body where macro_key = ?").param(key).update();
    request.bodies().forEach((language, body) ->
        db.sql("insert into reply_macro_body (macro_key, language, body) values (?, ?, ?)")
            .params(key, language, body)
            .update());
    log.info("Macro {} {} by {} in {}", key, created ? "added" : "changed", actor, request.bodies().keySet());
    return created;
  }

  private static void check(String key, MacroRequest request) {
    List<ReplyProblem.FieldProblem> problems = new ArrayList<>();
    if (key.length() > KEY_LENGTH || !KEY.matcher(key).matches()) {
      problems.add(new ReplyProblem.FieldProblem("key",
          "must be lower-case letters and digits joined by dashes, at most " + KEY_LENGTH + " characters"));
    }
    if (!request.bodies().containsKey(FALLBACK)) {
      problems.add(new ReplyProblem.FieldProblem("bodies." + FALLBACK,
          "must be given: buyers whose language a macro lacks get its English text"));
    }
    request.bodies().forEach((language, body) -> {
      String field = "bodies." + language;
      if (language.length() > 35 || !LANGUAGE.matcher(language).matches()) {
        problems.add(new ReplyProblem.FieldProblem(field, "must be keyed by a language tag such as de or pt-BR"));
      } else if (body == null || body.isBlank()) {
        problems.add(new ReplyProblem.FieldProblem(field, "must not be blank"));
      } else if (body.length() > BODY_LENGTH) {
        problems.add(new ReplyProblem.FieldProblem(field, "must be at most " + BODY_LENGTH + " characters"));
      } else {
        Matcher m = PLACEHOLDER.matcher(body);
        while (m.find()) {
          if (!PLACEHOLDERS.contains(m.group(1))) {
            problems.add(new ReplyProblem.FieldProblem(field, "has an unknown placeholder {" + m.group(1)
                + "}; known are " + PLACEHOLDERS.stream().sorted().map(p -> "{" + p + "}").toList()));
          }
        }
      }
    });
    if (!problems.isEmpty()) {
      throw new ReplyProblem.Rejected(problems);
    }
  }

  private static Filled fill(Macro macro, CaseView c) {
    String wanted = c.buyer().language();
    String primary = Locale.forLanguageTag(wanted).getLanguage();
    // The buyer's exact tag (pt-BR) if ops wrote one, else its language (pt), else English.
    String language = macro.bodies().containsKey(wanted) ? wanted
        : macro.bodies().containsKey(primary) ? primary : FALLBACK;
    Map<String, String> facts = new TreeMap<>();
    facts.put("buyerName", c.buyer().name());
    facts.put("orderReference", c.orderReference());
    facts.put("caseReference", c.reference());
    facts.put("amount", money(c.orderValue(), c.currency(), wanted));
    // The newest parcel: a reship or an exchange is added after the order's own shipment.
    if (!c.shipments().isEmpty()) {
      facts.put("trackingNumber", c.shipments().getLast().trackingNumber());
    }
    List<String> unfilled = new ArrayList<>();
    // One pass over the macro's text, so a value that itself looks like a placeholder stays as it is.
    Matcher m = PLACEHOLDER.matcher(macro.bodies().get(language));
    StringBuilder text = new StringBuilder();
    while (m.find()) {
      String value = facts.get(m.group(1));
      if (value == null) {
        unfilled.add(m.group(1));
      }
      m.appendReplacement(text, Matcher.quoteReplacement(value == null ? m.group() : value));
    }
    m.appendTail(text);
    boolean fallback = !language.equals(wanted) && !language.equals(primary);
    return new Filled(language, fallback, text.toString(), List.copyOf(unfilled));
  }

  /** Money as the buyer's language writes it, e.g. "12,90 €" in German. */
  private static String money(BigDecimal amount, String currency, String languageTag) {
    NumberFormat format = NumberFormat.getCurrencyInstance(Locale.forLanguageTag(languageTag));
    format.setCurrency(Currency.getInstance(currency));
    return format.format(amount);
  }

  /** A macro's text for one case: in {@code language}, which is English when the macro lacked the buyer's. */
  record Filled(String language, boolean englishFallback, String text, List<String> unfilled) {

    @Override
    public String toString() {
      return "Filled[" + language + ", text withheld]";
    }
  }
}
