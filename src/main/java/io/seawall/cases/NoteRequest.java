package io.seawall.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** An agent's internal note; as long as the case store keeps. */
record NoteRequest(@NotBlank @Size(max = 4000) String text) {

  @Override
  public String toString() {
    return "NoteRequest[text withheld]";
  }
}
