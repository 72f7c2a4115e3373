package io.seawall.warehouse;

/**
 * The warehouse will not ship an outbound order: a business answer that repeating the call will not
 * change, so the flow hands it to an agent. The set is closed so a {@code switch} over it is complete.
 */
public abstract sealed class OutboundRefused extends RuntimeException {

  private OutboundRefused(String message) {
    super(message);
  }

  /** The problem's name in the models (variable {@code reshipProblem}). */
  public abstract String problem();

  public static final class OutOfStock extends OutboundRefused {
    public OutOfStock(String site, String sku) {
      super("Site " + site + " has no stock of " + sku);
    }

    @Override
    public String problem() {
      return "OUT_OF_STOCK";
    }
  }

  /** The warehouse's address check failed; the message names the field, never its value. */
  public static final class AddressInvalid extends OutboundRefused {
    public AddressInvalid(String field) {
      super("The delivery address was refused by the warehouse: " + field);
    }

    @Override
    public String problem() {
      return "ADDRESS_INVALID";
    }
  }

  /** Any other refusal: destination not served, SKU unknown, account on hold ... */
  public static final class Rejected extends OutboundRefused {
    public Rejected(String reason) {
      super(reason);
    }

    @Override
    public String problem() {
      return "WAREHOUSE_REJECTED";
    }
  }
}
