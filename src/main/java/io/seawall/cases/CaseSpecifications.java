package io.seawall.cases;

import jakarta.persistence.criteria.Predicate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.jpa.domain.Specification;

final class CaseSpecifications {

  private CaseSpecifications() {}

  static Specification<AfterSalesCase> matching(CaseFilter filter) {
    return (root, query, cb) -> {
      List<Predicate> all = new ArrayList<>();
      if (filter.status() != null) {
        all.add(cb.equal(root.get("status"), filter.status()));
      }
      if (filter.type() != null) {
        all.add(cb.equal(root.get("type"), filter.type()));
      }
      if (filter.country() != null) {
        all.add(cb.equal(root.get("buyer").get("country"), filter.country()));
      }
      if (filter.marketplace() != null) {
        all.add(cb.equal(root.get("marketplace"), filter.marketplace()));
      }
      if (filter.createdFrom() != null) {
        all.add(cb.greaterThanOrEqualTo(root.get("createdAt"), filter.createdFrom()));
      }
      if (filter.createdTo() != null) {
        all.add(cb.lessThan(root.get("createdAt"), filter.createdTo()));
      }
      return cb.and(all.toArray(Predicate[]::new));
    };
  }
}
