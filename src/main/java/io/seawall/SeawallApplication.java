package io.seawall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Seawall: after-sales cases for cross-border sellers, driven by BPMN on Camunda 8. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SeawallApplication {

  public static void main(String[] args) {
    SpringApplication.run(SeawallApplication.class, args);
  }
}
