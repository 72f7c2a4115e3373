package io.seawall.cases;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
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

  // Intake (issue 6): open cases (those still holding their open key) first, then the newest.

  Optional<AfterSalesCase> findByReference(String reference);

  @Query("""
      select c.id from AfterSalesCase c where c.orderReference in :orders
      order by case when c.openKey is null then 1 else 0 end, c.createdAt desc""")
  List<UUID> findIdsByOrderReferences(@Param("orders") Collection<String> orders);

  @Query("""
      select c.id from AfterSalesCase c where lower(c.buyer.email) = lower(:email)
      order by case when c.openKey is null then 1 else 0 end, c.createdAt desc""")
  List<UUID> findIdsByBuyerEmail(@Param("email") String email);

  @Query(nativeQuery = true, value = """
      select id from after_sales_case where translate(buyer_phone, ' +()-./', '') = :digits
      order by case when open_key is null then 1 else 0 end, created_at desc""")
  List<UUID> findIdsByBuyerPhoneDigits(@Param("digits") String digits);

  @Query("""
      select c.id from AfterSalesCase c join c.shipments s
      where s.trackingNumber = :trackingNumber order by c.createdAt desc""")
  List<UUID> findIdsByShipmentTrackingNumber(@Param("trackingNumber") String trackingNumber);
}
