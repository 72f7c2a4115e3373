-- The sandbox marketplace's book of declined return requests, kept like its refunds: by the
-- idempotency key Seawall sends, so a repeated decline answers the first.
create table sandbox_marketplace_decline (
    idempotency_key  varchar(200) not null primary key,
    return_id        varchar(64)  not null unique,
    marketplace      varchar(32)  not null,
    shop             varchar(100) not null,
    order_reference  varchar(100) not null,
    reason           varchar(32)  not null,
    declined_at      timestamp(6) with time zone not null
);
