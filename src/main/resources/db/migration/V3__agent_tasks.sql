-- The agents' inbox: native user tasks as Seawall saw them through their task listeners.
-- The engine owns the task; this copy lets agents list and filter without a search API.

create table agent_task (
    user_task_key        bigint        not null primary key,
    case_id              uuid          not null references after_sales_case (id) on delete cascade,
    process_instance_key bigint        not null,
    bpmn_process_id      varchar(100)  not null,
    element_id           varchar(100)  not null,
    form_id              varchar(100),
    -- ",agents,agents-de," so that one LIKE finds a group without a join.
    candidate_groups     varchar(1000) not null,
    assignee             varchar(100),
    due_at               timestamp(6) with time zone,
    priority             integer       not null,
    status               varchar(16)   not null,
    created_at           timestamp(6) with time zone not null,
    closed_at            timestamp(6) with time zone,
    completed_by         varchar(100)
);

create index ix_agent_task_status on agent_task (status, assignee);
create index ix_agent_task_case on agent_task (case_id);
