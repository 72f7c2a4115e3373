-- Clocks know the marketplace, case type and team they are filtered by, and whether (and how long)
-- they paused while the case waited for the buyer; a version column keeps timer jobs and listeners
-- from overwriting each other.

alter table sla_clock add column marketplace varchar(32);
alter table sla_clock add column case_type varchar(32);
alter table sla_clock add column team varchar(64);
alter table sla_clock add column warn_after_seconds bigint not null default 0;
alter table sla_clock add column pauses_for_buyer boolean not null default false;
alter table sla_clock add column paused_since timestamp(6) with time zone;
alter table sla_clock add column paused_seconds bigint not null default 0;

alter table sla_clock add column version bigint not null default 0;

create index ix_sla_clock_case_running on sla_clock (case_id, outcome);
