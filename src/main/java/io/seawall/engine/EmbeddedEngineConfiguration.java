package io.seawall.engine;

import java.util.Arrays;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import io.camunda.client.CamundaClient;

@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = EmbeddedEngineSwitch.EMBEDDED, havingValue = "true")
@EnableConfigurationProperties(EngineSettings.class)
class EmbeddedEngineConfiguration {

  @Bean(initMethod = "start", destroyMethod = "stop")
  EmbeddedEngine embeddedEngine(EngineSettings settings) {
    return new EmbeddedEngine(settings);
  }

  @Bean
  @ConditionalOnProperty(name = "seawall.engine.clock-control", havingValue = "true")
  EngineClock engineClock(EmbeddedEngine engine) {
    return new EngineClock(engine);
  }

  /**
   * The engine must be listening before the Camunda client exists, so that deployment at start and
   * the job workers' first polls find it; and it must stop only after the client closed.
   */
  @Bean
  static BeanFactoryPostProcessor camundaClientNeedsEmbeddedEngine() {
    return beanFactory -> dependOnEngine(beanFactory);
  }

  private static void dependOnEngine(ConfigurableListableBeanFactory beanFactory) {
    for (String name : beanFactory.getBeanNamesForType(CamundaClient.class, true, false)) {
      BeanDefinition definition = beanFactory.getBeanDefinition(name);
      String[] dependsOn = definition.getDependsOn() == null ? new String[0] : definition.getDependsOn();
      String[] extended = Arrays.copyOf(dependsOn, dependsOn.length + 1);
      extended[dependsOn.length] = "embeddedEngine";
      definition.setDependsOn(extended);
    }
  }
}
