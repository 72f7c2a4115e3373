package io.seawall.sla;

/** What of a case chooses its SLA: the buyer's country, the marketplace and the case type (each may be unknown). */
record CaseSlaFacts(String market, String marketplace, String caseType) {}
