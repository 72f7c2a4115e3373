package io.seawall.cases;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One line of a case list. */
public record CaseSummary(
    UUID id,
    String reference,
    Marketplace marketplace,
    String shop,
    String orderReference,
    String country,
    ReasonCode reason,
    CaseType type,
    CaseStatus status,
    boolean atRisk,
    BigDecimal orderValue,
    String currency,
    Instant createdAt) {}
