package io.seawall.intake;

import io.seawall.carrier.TrackingStatus;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.Named;

/** Carriers' and warehouses' documented payloads to Seawall's own event types. */
@Mapper
interface InboundEventMapper {

  @Mapping(target = "carrier", source = "slug")
  @Mapping(target = "status", source = "tag", qualifiedByName = "afterShipTag")
  @Mapping(target = "subStatus", source = "subtag")
  InboundEvent.ParcelScanned parcelScanned(ProviderPayloads.AfterShipTracking tracking);

  @Mapping(target = "trackingNumber", source = "trackingCode")
  @Mapping(target = "status", source = "status", qualifiedByName = "easyPostStatus")
  @Mapping(target = "subStatus", source = "statusDetail")
  InboundEvent.ParcelScanned parcelScanned(ProviderPayloads.EasyPostTracker tracker);

  @Mapping(target = "returnId", source = "rmaNumber")
  InboundEvent.ReturnReceived returnReceived(ProviderPayloads.WarehouseReturn received);

  @Mapping(target = "outboundOrder", source = "orderReference")
  InboundEvent.OutboundShipped outboundShipped(ProviderPayloads.WarehouseOutbound shipped);

  @Named("afterShipTag")
  default TrackingStatus afterShipTag(String tag) {
    return TrackingStatus.ofAfterShipTag(tag)
        .orElseThrow(() -> new IntakeProblem.Malformed("msg.tag", "is not an AfterShip delivery tag Seawall knows"));
  }

  /** EasyPost's tracker statuses (https://docs.easypost.com/docs/trackers). */
  @Named("easyPostStatus")
  default TrackingStatus easyPostStatus(String status) {
    return switch (status == null ? "" : status) {
      case "unknown" -> TrackingStatus.PENDING;
      case "pre_transit" -> TrackingStatus.INFO_RECEIVED;
      case "in_transit" -> TrackingStatus.IN_TRANSIT;
      case "out_for_delivery" -> TrackingStatus.OUT_FOR_DELIVERY;
      case "available_for_pickup" -> TrackingStatus.AVAILABLE_FOR_PICKUP;
      case "delivered" -> TrackingStatus.DELIVERED;
      case "return_to_sender", "failure", "cancelled", "error" -> TrackingStatus.EXCEPTION;
      default -> throw new IntakeProblem.Malformed("result.status", "is not an EasyPost tracker status");
    };
  }
}
