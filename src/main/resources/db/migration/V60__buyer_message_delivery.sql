-- Messages to buyers leave from case_message (an outbox): the step that tells the buyer writes the
-- message; delivery by e-mail or WhatsApp follows, is retried, and is parked when it keeps failing.
-- PENDING until delivered; DELIVERED once a provider accepted it; UNDELIVERABLE when no channel
-- reaches the buyer; PARKED after the last failed attempt. Inbound messages have no delivery status.
alter table case_message add column delivery_status varchar(16);
alter table case_message add column delivered_by varchar(16);
alter table case_message add column delivery_attempts integer not null default 0;
alter table case_message add column next_attempt_at timestamp(6) with time zone;
-- The provider's id of the sent message (a Message-ID, a WhatsApp wamid): its status reports name it.
alter table case_message add column provider_message_id varchar(200);
alter table case_message add column last_error varchar(1000);
-- The channel that reported, after accepting the message, that it could not deliver it (WhatsApp's
-- failed status): the next delivery tries the buyer's other channels.
alter table case_message add column bounced_by varchar(16);
alter table case_message add column delivered_at timestamp(6) with time zone;

-- Messages written before Seawall delivered them were never sent; they are not sent now, months late.
update case_message set delivery_status = 'NOT_SENT', last_error = 'written before Seawall delivered buyer messages'
where direction = 'OUTBOUND';

create index ix_case_message_due on case_message (delivery_status, next_attempt_at);
