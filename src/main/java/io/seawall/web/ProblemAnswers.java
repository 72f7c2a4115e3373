package io.seawall.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.seawall.cases.CaseProblem;
import io.seawall.desk.DeskProblem;
import io.seawall.replies.ReplyProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.data.mapping.PropertyReferenceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every refusal as {@code application/problem+json}; input problems carry {@code errors}, a list of
 * {@code {field, message}} naming each field at fault (DESIGN.md rule 4). Messages never echo the
 * rejected values, which may be a buyer's personal data.
 */
@RestControllerAdvice
class ProblemAnswers extends ResponseEntityExceptionHandler {

  record FieldMessage(String field, String message) {}

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldMessage> errors = new ArrayList<>();
    for (FieldError e : ex.getBindingResult().getFieldErrors()) {
      errors.add(new FieldMessage(e.getField(), e.getDefaultMessage()));
    }
    ex.getBindingResult().getGlobalErrors()
        .forEach(e -> errors.add(new FieldMessage(e.getObjectName(), e.getDefaultMessage())));
    return invalid(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    List<FieldMessage> errors = new ArrayList<>();
    ex.getParameterValidationResults().forEach(result -> {
      String name = result.getMethodParameter().getParameterName();
      for (MessageSourceResolvable error : result.getResolvableErrors()) {
        errors.add(new FieldMessage(name, error.getDefaultMessage()));
      }
    });
    return invalid(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    if (ex.getCause() instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
      String expected = mismatch instanceof InvalidFormatException invalid && invalid.getTargetType().isEnum()
          ? "must be one of " + List.of(invalid.getTargetType().getEnumConstants())
          : "must be a valid " + simpleName(mismatch.getTargetType());
      return invalid(List.of(new FieldMessage(path(mismatch), expected)));
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The body is not valid JSON");
    problem.setTitle("Malformed request");
    return ResponseEntity.badRequest().body(problem);
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex) {
    Class<?> type = ex.getRequiredType();
    String expected = type != null && type.isEnum()
        ? "must be one of " + List.of(type.getEnumConstants())
        : "must be a valid " + simpleName(type);
    return invalid(List.of(new FieldMessage(ex.getName(), expected)));
  }

  @ExceptionHandler(PropertyReferenceException.class)
  ResponseEntity<Object> unknownSort(PropertyReferenceException ex) {
    return invalid(List.of(new FieldMessage("sort", "cannot sort by " + ex.getPropertyName())));
  }

  @ExceptionHandler(CaseProblem.Rejected.class)
  ResponseEntity<Object> rejected(CaseProblem.Rejected ex) {
    return invalid(ex.fields().stream().map(f -> new FieldMessage(f.field(), f.message())).toList());
  }

  @ExceptionHandler(CaseProblem.NotFound.class)
  ProblemDetail notFound(CaseProblem.NotFound ex) {
    return titled(HttpStatus.NOT_FOUND, "Case not found", ex.getMessage());
  }

  @ExceptionHandler(CaseProblem.AlreadyOpen.class)
  ProblemDetail alreadyOpen(CaseProblem.AlreadyOpen ex) {
    ProblemDetail problem = titled(HttpStatus.CONFLICT, "A case is already open", ex.getMessage());
    problem.setProperty("openCaseId", ex.openCaseId());
    problem.setProperty("openCaseReference", ex.openCaseReference());
    return problem;
  }

  @ExceptionHandler(CaseProblem.EngineUnavailable.class)
  ProblemDetail engineUnavailable(CaseProblem.EngineUnavailable ex) {
    return titled(HttpStatus.SERVICE_UNAVAILABLE, "Process engine unavailable", ex.getMessage());
  }

  @ExceptionHandler(DeskProblem.InvalidValues.class)
  ResponseEntity<Object> invalidValues(DeskProblem.InvalidValues ex) {
    return invalid(ex.fields().stream().map(f -> new FieldMessage(f.field(), f.message())).toList());
  }

  @ExceptionHandler(DeskProblem.NotFound.class)
  ProblemDetail taskNotFound(DeskProblem.NotFound ex) {
    return titled(HttpStatus.NOT_FOUND, "Task not found", ex.getMessage());
  }

  @ExceptionHandler(DeskProblem.Conflict.class)
  ProblemDetail taskConflict(DeskProblem.Conflict ex) {
    return titled(HttpStatus.CONFLICT, "Not possible in the task's current state", ex.getMessage());
  }

  @ExceptionHandler(ReplyProblem.Rejected.class)
  ResponseEntity<Object> replyRejected(ReplyProblem.Rejected ex) {
    return invalid(ex.fields().stream().map(f -> new FieldMessage(f.field(), f.message())).toList());
  }

  @ExceptionHandler(ReplyProblem.UnknownMacro.class)
  ProblemDetail macroNotFound(ReplyProblem.UnknownMacro ex) {
    return titled(HttpStatus.NOT_FOUND, "Macro not found", ex.getMessage());
  }

  private static ResponseEntity<Object> invalid(List<FieldMessage> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(
        HttpStatus.BAD_REQUEST,
        "Invalid fields: " + String.join(", ", errors.stream().map(FieldMessage::field).distinct().toList()));
    problem.setTitle("Invalid request");
    problem.setProperties(Map.of("errors", errors));
    return ResponseEntity.badRequest().body(problem);
  }

  private static ProblemDetail titled(HttpStatus status, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return problem;
  }

  private static String path(JsonMappingException ex) {
    StringBuilder sb = new StringBuilder();
    for (JsonMappingException.Reference ref : ex.getPath()) {
      if (ref.getFieldName() != null) {
        if (!sb.isEmpty()) {
          sb.append('.');
        }
        sb.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        sb.append('[').append(ref.getIndex()).append(']');
      }
    }
    return sb.toString();
  }

  private static String simpleName(Class<?> type) {
    return type == null ? "value" : type.getSimpleName();
  }
}
