-- Steps whose worker gave up (a job out of retries), with the worker's one-sentence reason: the case,
-- the managers and ops see them, and retry them once the cause is fixed. A cluster has Operate for
-- this; the embedded default has nothing else. The case id is not a foreign key: a step may fail
-- because its case is missing (see store_disagreement).
create table step_incident (
    job_key              bigint        not null primary key,
    case_id              uuid,
    process_instance_key bigint        not null,
    bpmn_process_id      varchar(100)  not null,
    element_id           varchar(100)  not null,
    job_type             varchar(100)  not null,
    reason               varchar(2000) not null,
    raised_at            timestamp(6) with time zone not null,
    retried_at           timestamp(6) with time zone,
    retried_by           varchar(100)
);

create index ix_step_incident_open on step_incident (retried_at, raised_at);
create index ix_step_incident_case on step_incident (case_id);
