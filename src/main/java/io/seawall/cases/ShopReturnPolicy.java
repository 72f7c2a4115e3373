package io.seawall.cases;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The seller's own return promises, on top of the law (the return decisions read them):
 * {@code seawall.shop-policy.*}.
 *
 * @param returnDays days after delivery within which the shop takes any item back
 * @param freeReturns the shop pays return shipping even when the law lets it charge the buyer
 * @param buyersToldTheyPayReturns the shop's terms told buyers before they bought that they pay
 *     for returns (without that, EU and UK law puts the cost on the seller)
 */
@ConfigurationProperties("seawall.shop-policy")
record ShopReturnPolicy(
    @DefaultValue("30") int returnDays,
    @DefaultValue("false") boolean freeReturns,
    @DefaultValue("true") boolean buyersToldTheyPayReturns) {}
