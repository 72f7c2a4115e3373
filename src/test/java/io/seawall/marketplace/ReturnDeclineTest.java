package io.seawall.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

/** A decline is recorded as a step effect and read back when the job repeats: it must keep its kind. */
class ReturnDeclineTest {

  private final ObjectMapper json = JsonMapper.builder().build();

  @Test
  void aRecordedDeclineReadsBackAsTheSameOutcome() throws Exception {
    ReturnDecline declined = new ReturnDecline.Declined("gid://shopify/Return/945000959");
    ReturnDecline nothing = new ReturnDecline.NothingToDecline("the buyer has no return request");

    assertThat(json.readValue(json.writeValueAsString(declined), ReturnDecline.class)).isEqualTo(declined);
    assertThat(json.readValue(json.writeValueAsString(nothing), ReturnDecline.class)).isEqualTo(nothing);
    assertThat(json.writeValueAsString(declined)).contains("\"outcome\":\"DECLINED\"");
  }
}
