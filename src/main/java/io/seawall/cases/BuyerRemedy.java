package io.seawall.cases;

/** What the buyer asked for when a return is settled: their money back, or the item in another size or colour. */
public enum BuyerRemedy {
  REFUND,
  EXCHANGE
}
