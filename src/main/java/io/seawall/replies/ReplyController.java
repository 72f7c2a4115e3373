package io.seawall.replies;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Replies", description = "Agents write to the buyer of a case")
class ReplyController {

  private final AgentReplies replies;

  ReplyController(AgentReplies replies) {
    this.replies = replies;
  }

  @PostMapping("/api/cases/{id}/messages")
  @Operation(summary = "Reply to the buyer with text, a macro, or a macro and text; it goes out as the buyer wrote")
  ResponseEntity<SentReply> reply(
      @PathVariable UUID id,
      @Valid @RequestBody ReplyRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Principal who) {
    return ResponseEntity.accepted().location(URI.create("/api/cases/" + id))
        .body(replies.reply(id, request, who.getName(), idempotencyKey));
  }
}
