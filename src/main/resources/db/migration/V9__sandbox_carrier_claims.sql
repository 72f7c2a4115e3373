-- The sandbox carrier's claims, keyed like a provider's idempotency key.
create table sandbox_carrier_claim (
    idempotency_key  varchar(200)  not null primary key,
    claim_id         varchar(64)   not null unique,
    tracking_number  varchar(64)   not null,
    amount           numeric(19,4) not null,
    currency         varchar(3)    not null,
    filed_at         timestamp(6) with time zone not null
);
