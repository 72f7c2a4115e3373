package io.seawall.cases;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface BuyerMessageRepository extends JpaRepository<BuyerMessage, Long> {

  List<BuyerMessage> findByCaseIdOrderByCreatedAtAscIdAsc(UUID caseId);

  boolean existsByCaseIdAndSourceKey(UUID caseId, String sourceKey);

  Optional<BuyerMessage> findByCaseIdAndSourceKey(UUID caseId, String sourceKey);

  Optional<BuyerMessage> findFirstByCaseIdAndDirectionOrderByCreatedAtDescIdDesc(
      UUID caseId, BuyerMessage.Direction direction);
}
