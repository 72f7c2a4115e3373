package io.seawall.desk;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface AgentTaskRepository extends JpaRepository<AgentTask, Long>, JpaSpecificationExecutor<AgentTask> {}
