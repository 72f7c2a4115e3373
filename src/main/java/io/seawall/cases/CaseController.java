package io.seawall.cases;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PageableDefault;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/cases")
@Tag(name = "Cases", description = "Open, read and list after-sales cases")
class CaseController {

  private final Cases cases;

  CaseController(Cases cases) {
    this.cases = cases;
  }

  @PostMapping
  @Operation(summary = "Open a case and start its after-sales process")
  ResponseEntity<CaseView> open(@Valid @RequestBody OpenCaseRequest request, Principal who) {
    CaseView opened = cases.open(request, who.getName());
    return ResponseEntity.created(URI.create("/api/cases/" + opened.id())).body(opened);
  }

  @PutMapping("/{id}/delivery-address")
  @Operation(summary = "Correct the buyer's delivery address (e.g. after a warehouse refused it)")
  ResponseEntity<Void> correctDeliveryAddress(
      @PathVariable UUID id, @Valid @RequestBody OpenCaseRequest.Address address, Principal who) {
    cases.correctDeliveryAddress(id, address, who.getName());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/notes")
  @Operation(summary = "Leave an internal note on the case; it is never sent to the buyer")
  ResponseEntity<CaseView.NoteView> addNote(
      @PathVariable UUID id, @Valid @RequestBody NoteRequest note, Principal who) {
    return ResponseEntity.created(URI.create("/api/cases/" + id)).body(cases.addNote(id, note.text(), who.getName()));
  }

  @GetMapping("/{id}")
  @Operation(summary = "One case with its timeline")
  CaseView get(@PathVariable UUID id) {
    return cases.find(id);
  }

  @GetMapping
  @Operation(summary = "List cases, newest first, narrowed by any of the filters")
  Page<CaseSummary> list(
      @RequestParam(required = false) CaseStatus status,
      @RequestParam(required = false) CaseType type,
      @RequestParam(required = false) @CountryCode String country,
      @RequestParam(required = false) Marketplace marketplace,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant createdTo,
      @PageableDefault(size = 20, sort = "createdAt", direction = Sort.Direction.DESC) Pageable page) {
    return cases.list(new CaseFilter(status, type, country, marketplace, createdFrom, createdTo), page);
  }
}
