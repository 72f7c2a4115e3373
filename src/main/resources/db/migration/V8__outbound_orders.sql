-- Outbound orders Seawall placed at overseas warehouses for a case (reships and exchanges): which
-- site holds each, so a later step can follow or cancel every one of them.
create table case_outbound_order (
    reference   varchar(100) not null primary key,
    case_id     uuid         not null references after_sales_case (id) on delete cascade,
    site        varchar(32)  not null,
    placed_at   timestamp(6) with time zone not null
);

create index ix_outbound_case on case_outbound_order (case_id);
