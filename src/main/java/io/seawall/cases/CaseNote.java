package io.seawall.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An agent's internal note on a case; its text may hold personal data, so it stays here. */
@Entity
@Table(name = "case_note")
class CaseNote {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public UUID caseId;
  public String author;
  public String body;
  public Instant createdAt;
}
