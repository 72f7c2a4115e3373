package io.seawall.cases;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface CaseRepository extends JpaRepository<AfterSalesCase, UUID>, JpaSpecificationExecutor<AfterSalesCase> {

  Optional<AfterSalesCase> findByOpenKey(String openKey);

  /** Other cases of the same buyer (same e-mail or phone) at the same shop that ended with the given resolution. */
  @Query("""
      select count(c) from AfterSalesCase c
      where c.id <> :#{#of.id} and c.shop = :#{#of.shop} and c.type = :type and c.resolution = :resolution
        and c.createdAt >= :since
        and ((c.buyer.email is not null and c.buyer.email = :#{#of.buyer.email})
          or (c.buyer.phone is not null and c.buyer.phone = :#{#of.buyer.phone}))""")
  long countEarlierOfSameBuyer(
      @Param("of") AfterSalesCase of,
      @Param("type") CaseType type,
      @Param("resolution") String resolution,
      @Param("since") Instant since);
}
