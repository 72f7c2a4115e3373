package io.seawall.sla;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({SlaCalendars.class, SlaPolicies.class})
class SlaConfiguration {}
