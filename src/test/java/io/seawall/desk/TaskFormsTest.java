package io.seawall.desk;

import static org.assertj.core.api.Assertions.assertThat;

import io.seawall.desk.TaskForms.FormField;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What an agent submits is held to the rules of the form Modeler wrote, as Tasklist would hold it. */
class TaskFormsTest {

  final TaskForms forms = new TaskForms();

  @Test
  void theShippedFormsAreLinkedToTheirSteps() {
    assertThat(forms.formOf("after-sales-case", "resolve-case")).hasValue("resolve-case");
    assertThat(forms.formOf("refund-without-return", "review-keep-the-item")).hasValue("review-keep-the-item");
    assertThat(forms.formOf("refund-without-return", "settle-refused-refund")).hasValue("resolve-case");
    assertThat(forms.formOf("refund-without-return", "issue-refund")).isEmpty();
  }

  @Test
  void aCompleteAndValidSubmissionPasses() {
    assertThat(forms.check("resolve-case", Map.of("agentResolution", "PARTIAL_REFUND", "refundAmount", 12.5))).isEmpty();
  }

  @Test
  void eachFieldAtFaultIsNamed() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("agentResolution", "SEND_FLOWERS");
    values.put("refundAmount", "twelve");
    values.put("buyerEmail", "anna@example.com");

    assertThat(forms.check("resolve-case", values)).containsExactlyInAnyOrder(
        new DeskProblem.FieldError("buyerEmail", "is not a field of form resolve-case"),
        new DeskProblem.FieldError("agentResolution",
            "must be one of REFUNDED, PARTIAL_REFUND, EXCHANGE_OFFERED, RESHIPPED, RETURN_LABEL_SENT, DECLINED"),
        new DeskProblem.FieldError("refundAmount", "must be a number"));
  }

  @Test
  void textLengthsPatternsNumberRangesAndCheckboxesFollowTheFormsRules() {
    FormField note = new FormField("note", "textfield", false, List.of(), null, null, 3, 10, null);
    FormField code = new FormField("code", "textfield", true, List.of(), null, null, null, null, Pattern.compile("[A-Z]{3}"));
    FormField amount = new FormField("amount", "number", false, List.of(), BigDecimal.ZERO, new BigDecimal("100"), null, null, null);
    FormField urgent = new FormField("urgent", "checkbox", false, List.of(), null, null, null, null, null);

    assertThat(note.problemWith("ok")).hasValue("must be at least 3 characters");
    assertThat(note.problemWith("far too long text")).hasValue("must be at most 10 characters");
    assertThat(note.problemWith(null)).isEmpty();
    assertThat(code.problemWith("")).hasValue("is required");
    assertThat(code.problemWith("abc")).hasValue("does not match the expected format");
    assertThat(code.problemWith("EUR")).isEmpty();
    assertThat(amount.problemWith(-1)).hasValue("must be at least 0");
    assertThat(amount.problemWith(100.01)).hasValue("must be at most 100");
    assertThat(amount.problemWith(99)).isEmpty();
    assertThat(urgent.problemWith("yes")).hasValue("must be true or false");
    assertThat(urgent.problemWith(true)).isEmpty();
  }
}
