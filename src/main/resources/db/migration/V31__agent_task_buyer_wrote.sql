-- When the buyer last wrote about the case while the task was open: the agent reads it first.
alter table agent_task add column buyer_wrote_at timestamp(6) with time zone;
