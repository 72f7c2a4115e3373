package io.seawall.desk.web;

import io.seawall.cases.CaseProblem;
import io.seawall.desk.DeskProblem;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * A desk page that cannot be shown answers with a page, not the API's problem+json: a case or
 * task that does not exist (or is not the user's to see) and an address that names none.
 */
@ControllerAdvice(basePackages = "io.seawall.desk.web")
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeskRefusals {

  @ExceptionHandler({
      CaseProblem.NotFound.class, DeskProblem.NotFound.class, MethodArgumentTypeMismatchException.class})
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "desk/not-found";
  }
}
