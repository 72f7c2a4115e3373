-- References other systems give a case's things (the marketplace's return id, the warehouse's
-- outbound order, tracking numbers, carrier claims), so anything that arrives naming one of them
-- finds its case. A reference belongs to one case only.
create table case_reference (
    kind       varchar(32)  not null,
    ref_value  varchar(200) not null,
    case_id    uuid         not null references after_sales_case (id) on delete cascade,
    linked_at  timestamp(6) with time zone not null,
    primary key (kind, ref_value)
);

create index ix_case_reference_case on case_reference (case_id);
