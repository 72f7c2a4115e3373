-- Parcels Seawall has had its tracking provider watch: registered once, read afterwards, since
-- providers count (and some charge for) every registration call.
create table tracked_parcel (
    carrier_slug     varchar(64)  not null,
    tracking_number  varchar(100) not null,
    registered_at    timestamp(6) with time zone not null,
    constraint pk_tracked_parcel primary key (carrier_slug, tracking_number)
);
