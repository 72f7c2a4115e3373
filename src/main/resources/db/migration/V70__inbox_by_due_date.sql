-- The desk's inbox lists open tasks soonest due first, a page at a time.
create index ix_agent_task_open_due on agent_task (status, due_at, user_task_key);
