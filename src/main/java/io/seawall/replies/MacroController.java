package io.seawall.replies;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/macros")
@Tag(name = "Macros", description = "Saved replies agents send buyers, per language")
class MacroController {

  private final Macros macros;

  MacroController(Macros macros) {
    this.macros = macros;
  }

  @GetMapping
  @Operation(summary = "Every macro with the languages it is written in")
  List<MacroSummary> list() {
    return macros.list();
  }

  @GetMapping("/{key}")
  @Operation(summary = "One macro with its text in each language")
  Macro get(@PathVariable String key) {
    return macros.find(key);
  }

  @GetMapping(value = "/{key}", params = "caseId")
  @Operation(summary = "The macro filled for a case, in its buyer's language (English when the macro lacks it)")
  MacroPreview preview(@PathVariable String key, @RequestParam UUID caseId) {
    return macros.preview(key, caseId);
  }

  @PutMapping("/{key}")
  @Operation(summary = "Add or replace a macro; an unknown placeholder is refused")
  ResponseEntity<Macro> save(@PathVariable String key, @Valid @RequestBody MacroRequest request, Principal who) {
    boolean created = macros.save(key, request, who.getName());
    return ResponseEntity.status(created ? HttpStatus.CREATED : HttpStatus.OK)
        .location(URI.create("/api/macros/" + key))
        .body(macros.find(key));
  }
}
