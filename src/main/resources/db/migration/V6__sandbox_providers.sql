-- The sandbox providers' own books (warehouse, carrier labels, marketplace returns), so the
-- embedded default behaves like real providers, idempotency keys included, across restarts.
create table sandbox_warehouse_outbound (
    reference           varchar(100) not null primary key,
    site                varchar(32)  not null,
    warehouse_order_id  varchar(64)  not null,
    skus                varchar(2000) not null,
    placed_at           timestamp(6) with time zone not null,
    cancelled_at        timestamp(6) with time zone,
    tracking_number     varchar(64)
);

create table sandbox_warehouse_return (
    return_reference  varchar(100) not null primary key,
    site              varchar(32)  not null,
    skus              varchar(2000) not null,
    first_asked_at    timestamp(6) with time zone
);

create table sandbox_carrier_label (
    idempotency_key  varchar(200)  not null primary key,
    label_id         varchar(64)   not null unique,
    carrier          varchar(64)   not null,
    tracking_number  varchar(64)   not null,
    cost             numeric(19,4) not null,
    currency         varchar(3)    not null,
    created_at       timestamp(6) with time zone not null,
    voided_at        timestamp(6) with time zone
);

create table sandbox_marketplace_return (
    idempotency_key  varchar(200) not null primary key,
    return_id        varchar(64)  not null unique,
    marketplace      varchar(32)  not null,
    shop             varchar(100) not null,
    order_reference  varchar(100) not null,
    created_at       timestamp(6) with time zone not null,
    cancelled_at     timestamp(6) with time zone
);
