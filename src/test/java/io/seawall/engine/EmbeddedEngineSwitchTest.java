package io.seawall.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class EmbeddedEngineSwitchTest {

  @Test
  void withNoClusterConfiguredTheClientIsPointedAtTheEmbeddedEngineOnLoopback() {
    StandardEnvironment env = environment(Map.of("seawall.engine.port", "0", "seawall.engine.rest-port", "0"));

    assertThat(env.getProperty("seawall.engine.embedded", Boolean.class)).isTrue();
    int port = env.getProperty("seawall.engine.port", Integer.class);
    int restPort = env.getProperty("seawall.engine.rest-port", Integer.class);
    assertThat(port).isPositive();
    assertThat(restPort).isPositive().isNotEqualTo(port);
    assertThat(env.getProperty("camunda.client.grpc-address")).isEqualTo("http://127.0.0.1:" + port);
    assertThat(env.getProperty("camunda.client.rest-address")).isEqualTo("http://127.0.0.1:" + restPort);
    assertThat(env.getProperty("camunda.client.prefer-rest-over-grpc", Boolean.class)).isFalse();
  }

  @Test
  void aConfiguredClusterTurnsTheEmbeddedEngineOff() {
    for (String clusterSetting : EmbeddedEngineSwitch.CLUSTER_PROPERTIES) {
      StandardEnvironment env = environment(Map.of(clusterSetting, "http://zeebe.example:26500"));

      assertThat(env.getProperty("seawall.engine.embedded", Boolean.class)).as(clusterSetting).isFalse();
      assertThat(env.getProperty(clusterSetting)).isEqualTo("http://zeebe.example:26500");
    }
  }

  @Test
  void theEmbeddedEngineCanBeSwitchedOffExplicitly() {
    StandardEnvironment env = environment(Map.of("seawall.engine.embedded", "false"));

    assertThat(env.getProperty("seawall.engine.embedded", Boolean.class)).isFalse();
    assertThat(env.containsProperty("camunda.client.grpc-address")).isFalse();
  }

  private static StandardEnvironment environment(Map<String, Object> settings) {
    StandardEnvironment env = new StandardEnvironment();
    env.getPropertySources().addFirst(new MapPropertySource("test", settings));
    new EmbeddedEngineSwitch().postProcessEnvironment(env, new SpringApplication());
    return env;
  }
}
