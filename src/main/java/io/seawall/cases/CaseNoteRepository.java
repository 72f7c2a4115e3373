package io.seawall.cases;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CaseNoteRepository extends JpaRepository<CaseNote, Long> {

  List<CaseNote> findByCaseIdOrderByCreatedAtAscIdAsc(UUID caseId);
}
