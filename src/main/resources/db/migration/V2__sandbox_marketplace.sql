-- The sandbox marketplace's own books: refunds it accepted, keyed like a real provider's
-- idempotency key, so a repeated refund call answers the first refund instead of paying twice.
create table sandbox_marketplace_refund (
    idempotency_key  varchar(200)  not null primary key,
    refund_id        varchar(64)   not null,
    marketplace      varchar(32)   not null,
    shop             varchar(100)  not null,
    order_reference  varchar(100)  not null,
    amount           numeric(19,4) not null,
    currency         varchar(3)    not null,
    created_at       timestamp(6) with time zone not null
);
