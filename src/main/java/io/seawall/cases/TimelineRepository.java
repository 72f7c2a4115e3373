package io.seawall.cases;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TimelineRepository extends JpaRepository<TimelineEntry, Long> {

  List<TimelineEntry> findByCaseIdOrderByOccurredAtAscIdAsc(UUID caseId);

  boolean existsByCaseIdAndSourceKey(UUID caseId, String sourceKey);
}
