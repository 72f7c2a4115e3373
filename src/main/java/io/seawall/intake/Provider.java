package io.seawall.intake;

import java.util.Arrays;
import java.util.Optional;

/** Who sends Seawall events, each under its own webhook path (mail comes by IMAP). */
enum Provider {
  SHOPIFY("shopify"),
  SHOPEE("shopee"),
  TIKTOK_SHOP("tiktok-shop"),
  AFTERSHIP("aftership"),
  EASYPOST("easypost"),
  WAREHOUSE("warehouse"),
  WHATSAPP("whatsapp"),
  MAIL("mail");

  private final String path;

  Provider(String path) {
    this.path = path;
  }

  String path() {
    return path;
  }

  static Optional<Provider> ofPath(String path) {
    return Arrays.stream(values()).filter(p -> p != MAIL && p.path.equals(path)).findFirst();
  }
}
