package io.seawall.cases;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "case_timeline_entry")
class TimelineEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;

  public UUID caseId;
  public Instant occurredAt;

  @Enumerated(EnumType.STRING)
  public TimelineKind kind;

  public String step;
  public String actor;
  public String detail;
  public String sourceKey;
}
