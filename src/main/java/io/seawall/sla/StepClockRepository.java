package io.seawall.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface StepClockRepository extends JpaRepository<StepClock, Long>, JpaSpecificationExecutor<StepClock> {

  Optional<StepClock> findByElementInstanceKey(long elementInstanceKey);

  Optional<StepClock> findFirstByCaseIdAndStepAndOutcome(UUID caseId, String step, ClockOutcome outcome);

  List<StepClock> findByCaseIdAndOutcome(UUID caseId, ClockOutcome outcome);

  List<StepClock> findByStoppedAtBetween(Instant from, Instant to);

  /** Market, step, team, clocks past their warning, and of those past due: running clocks only. */
  @Query("select c.market, c.step, c.team, count(c), sum(case when c.breachedAt is null then 0 else 1 end) "
      + "from StepClock c where c.outcome = io.seawall.sla.ClockOutcome.RUNNING and c.warnedAt is not null "
      + "group by c.market, c.step, c.team")
  List<Object[]> runningPastWarning();

  @Query("select c.warnedAt from StepClock c where c.warnedAt >= :from")
  List<Instant> warnedSince(Instant from);

  @Query("select c.breachedAt from StepClock c where c.breachedAt >= :from")
  List<Instant> breachedSince(Instant from);
}
