-- The warehouse's own number for each return Seawall announced (4PX GRS is asked by its rma_no).
create table warehouse_return_order (
    provider          varchar(32)  not null,
    return_reference  varchar(200) not null,
    provider_number   varchar(64)  not null,
    primary key (provider, return_reference)
);
