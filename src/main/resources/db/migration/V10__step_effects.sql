-- What a step did at a provider (a refund, a return approval, a label, an outbound order, a claim),
-- by the key derived from the case and the step. A step that runs again (a worker died after the
-- provider answered and before the engine heard of it) answers from here instead of calling again.
create table step_effect (
    effect_key   varchar(200)  not null primary key,
    kind         varchar(64)   not null,
    result       varchar(4000) not null,
    recorded_at  timestamp(6) with time zone not null
);
