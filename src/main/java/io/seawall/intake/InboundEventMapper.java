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

  @Named("easyPostStatus")
  default TrackingStatus easyPostStatus(String status) {
    return TrackingStatus.ofEasyPostStatus(status)
        .orElseThrow(() -> new IntakeProblem.Malformed("result.status", "is not an EasyPost tracker status"));
  }
}
