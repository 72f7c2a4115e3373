package io.seawall.cases;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CaseRepository extends JpaRepository<AfterSalesCase, UUID>, JpaSpecificationExecutor<AfterSalesCase> {

  Optional<AfterSalesCase> findByOpenKey(String openKey);
}
