package io.seawall.cases;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = CaseConstraints.LanguageCheck.class)
@interface LanguageTag {
  String message() default "must be a BCP 47 language tag such as de or pt-BR";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
