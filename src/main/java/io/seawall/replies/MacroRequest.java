package io.seawall.replies;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.Map;

/** What ops staff send to add or change a macro: {@code bodies} maps a language tag to its text. */
public record MacroRequest(
    @NotBlank @Size(max = 200) String title,
    @NotEmpty @Size(max = 50) Map<String, String> bodies) {}
