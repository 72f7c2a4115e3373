package io.seawall.cases;

/** How the buyer reached the seller. */
public enum Channel {
  EMAIL,
  MARKETPLACE_MESSAGE,
  WHATSAPP,
  WEB_FORM,
  CHAT,
  PHONE,
  AGENT
}
