-- EasyPost documents no idempotency key, so Seawall keeps its own books of what each key bought or
-- filed. A label's shipment is written down before it is bought, so a repeated step finds it and
-- never buys a second label; a claim's row is written before it is filed, so a repeated step that
-- lost the answer looks for the claim at EasyPost before filing again.
create table easypost_return_label (
    idempotency_key  varchar(200)  not null primary key,
    reference        varchar(100)  not null,
    first_tried_at   timestamp(6) with time zone not null,
    shipment_id      varchar(64),
    carrier          varchar(64),
    tracking_number  varchar(64),
    label_url        varchar(2000),
    cost             numeric(19,4),
    currency         varchar(3),
    bought_at        timestamp(6) with time zone
);

create table easypost_claim (
    idempotency_key  varchar(200)  not null primary key,
    tracking_number  varchar(64)   not null,
    kind             varchar(16)   not null,
    last_tried_at    timestamp(6) with time zone not null,
    claim_id         varchar(64),
    filed_at         timestamp(6) with time zone
);
