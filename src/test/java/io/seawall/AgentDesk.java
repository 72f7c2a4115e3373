package io.seawall;

import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** An agent working the inbox through the API, as the tests need it. */
public final class AgentDesk {

  private final MockMvc http;

  public AgentDesk(MockMvc http) {
    this.http = http;
  }

  /** Waits until the case has an open task at the given step in the agents' inbox; answers its key. */
  public long awaitTask(UUID caseId, String step) {
    return awaitTask(caseId, step, "agent");
  }

  /** Waits until the case has an open task at the given step in a demo user's inbox; answers its key. */
  public long awaitTask(UUID caseId, String step, String user) {
    return await().atMost(Duration.ofSeconds(30)).until(() -> {
      String page = http.perform(get("/api/tasks").param("caseId", caseId.toString()).with(httpBasic(user, user)))
          .andReturn().getResponse().getContentAsString();
      List<Number> keys = JsonPath.read(page, "$.content[?(@.step == '" + step + "')].key");
      return keys.isEmpty() ? null : keys.getFirst().longValue();
    }, key -> key != null);
  }

  /** Completes a task as a demo user (password = user name) with the form's values as JSON. */
  public ResultActions complete(long task, String user, String values) throws Exception {
    return http.perform(post("/api/tasks/{key}/completion", task).with(httpBasic(user, user))
        .contentType(MediaType.APPLICATION_JSON).content(values));
  }
}
