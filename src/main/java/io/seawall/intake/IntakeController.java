package io.seawall.intake;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Ops staff see what intake parked and put it back in line once the cause is fixed. */
@RestController
@RequestMapping("/api/intake")
class IntakeController {

  private final Inbox inbox;

  IntakeController(Inbox inbox) {
    this.inbox = inbox;
  }

  @GetMapping("/parked")
  List<ParkedEvent> parked() {
    return inbox.parked();
  }

  @PostMapping("/events/{id}/replay")
  ResponseEntity<?> replay(@PathVariable long id) {
    if (inbox.replay(id)) {
      return ResponseEntity.accepted().build();
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No parked intake event " + id);
    problem.setTitle("Parked event not found");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }
}
