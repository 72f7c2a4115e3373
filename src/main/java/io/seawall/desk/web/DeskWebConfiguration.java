package io.seawall.desk.web;

import java.util.Collections;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The desk speaks the browser's language (English or Simplified Chinese) until the user picks one
 * with {@code ?lang=}, which a cookie then remembers.
 */
@Configuration(proxyBeanMethods = false)
class DeskWebConfiguration implements WebMvcConfigurer {

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("seawall-lang");
    resolver.setDefaultLocaleFunction(request -> {
      for (Locale wanted : Collections.list(request.getLocales())) {
        if (wanted.getLanguage().equals("zh")) {
          return Locale.SIMPLIFIED_CHINESE;
        }
        if (wanted.getLanguage().equals("en")) {
          return Locale.ENGLISH;
        }
      }
      return Locale.ENGLISH;
    });
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change).addPathPatterns("/", "/login", "/desk/**");
  }
}
