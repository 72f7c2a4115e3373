package io.seawall.sla;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface StepClockRepository extends JpaRepository<StepClock, Long>, JpaSpecificationExecutor<StepClock> {

  Optional<StepClock> findByElementInstanceKey(long elementInstanceKey);

  Optional<StepClock> findFirstByCaseIdAndStepAndOutcome(UUID caseId, String step, ClockOutcome outcome);

  List<StepClock> findByCaseIdAndOutcome(UUID caseId, ClockOutcome outcome);

  List<StepClock> findByStoppedAtBetween(Instant from, Instant to);
}
