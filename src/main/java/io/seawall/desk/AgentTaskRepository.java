package io.seawall.desk;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Query;

interface AgentTaskRepository extends JpaRepository<AgentTask, Long>, JpaSpecificationExecutor<AgentTask> {

  @Query("select distinct t.caseId from AgentTask t where t.status = io.seawall.desk.AgentTaskStatus.OPEN "
      + "and t.caseId in :caseIds")
  List<UUID> casesWithOpenTask(Collection<UUID> caseIds);
}
