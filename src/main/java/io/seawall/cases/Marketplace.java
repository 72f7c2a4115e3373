package io.seawall.cases;

/** Where the order was placed. */
public enum Marketplace {
  SHOPIFY,
  SHOPEE,
  TIKTOK_SHOP,
  AMAZON,
  EBAY,
  ALIEXPRESS,
  LAZADA,
  TEMU,
  OTHER
}
