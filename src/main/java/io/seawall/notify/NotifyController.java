package io.seawall.notify;

import io.seawall.cases.BuyerOutbox;
import io.seawall.cases.UndeliveredMessage;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ops staff see which messages did not reach their buyer, and send them again once the cause is fixed. */
@RestController
@RequestMapping("/api/buyer-messages")
class NotifyController {

  private final BuyerOutbox outbox;

  NotifyController(BuyerOutbox outbox) {
    this.outbox = outbox;
  }

  @GetMapping("/undelivered")
  List<UndeliveredMessage> undelivered() {
    return outbox.undelivered();
  }

  @PostMapping("/{id}/redeliver")
  ResponseEntity<?> redeliver(@PathVariable long id) {
    if (outbox.redeliver(id)) {
      return ResponseEntity.accepted().build();
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
        "No undelivered buyer message " + id);
    problem.setTitle("Undelivered message not found");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }
}
