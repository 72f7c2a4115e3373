package io.seawall.intake;

/** What identifies a delivery before it is kept: the provider's event id, its topic, who sent it. */
record Delivery(String eventId, String topic, String account) {}
