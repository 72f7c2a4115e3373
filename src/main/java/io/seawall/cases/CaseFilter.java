package io.seawall.cases;

import java.time.Instant;

/** What a case list can be narrowed by; every part is optional. */
public record CaseFilter(
    CaseStatus status,
    CaseType type,
    String country,
    Marketplace marketplace,
    Instant createdFrom,
    Instant createdTo) {}
