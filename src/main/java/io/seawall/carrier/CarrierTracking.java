package io.seawall.carrier;

/**
 * Parcel tracking as Seawall's steps need it: have a provider watch a parcel, and ask where it is.
 * One adapter per provider; which one runs is configuration ({@code seawall.carrier.adapter}).
 *
 * <p>Every method may throw a {@link CarrierFailure}: {@link CarrierFailure.Throttled} and
 * {@link CarrierFailure.Unavailable} are worth retrying later, {@link CarrierFailure.Refused} and
 * {@link CarrierFailure.Unauthorized} are not.
 */
public interface CarrierTracking {

  /**
   * Has the provider track a parcel. Registering a number that is already registered answers the
   * existing tracking, so a repeated job does no harm.
   */
  Tracking register(String carrierSlug, String trackingNumber);

  /** The provider's current view of a registered parcel. */
  Tracking read(String carrierSlug, String trackingNumber);
}
