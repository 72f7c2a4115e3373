-- What the buyer asked for if the item comes back: REFUND or EXCHANGE (another size or colour).
alter table after_sales_case add column preferred_remedy varchar(16) not null default 'REFUND';
