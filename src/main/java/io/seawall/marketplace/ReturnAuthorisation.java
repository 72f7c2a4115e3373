package io.seawall.marketplace;

/** The marketplace's approval of a return (its RMA): the id the warehouse and webhooks quote. */
public record ReturnAuthorisation(String returnId, boolean repeated) {}
