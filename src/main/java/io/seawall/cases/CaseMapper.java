package io.seawall.cases;

import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface CaseMapper {

  @Mapping(target = "reason", expression = "java(new CaseView.ReasonView(c.reasonCode, c.reasonText))")
  @Mapping(target = "timeline", source = "timeline")
  @Mapping(target = "messages", source = "messages")
  CaseView toView(AfterSalesCase c, List<TimelineEntry> timeline, List<BuyerMessage> messages);

  @Mapping(target = "country", source = "buyer.country")
  @Mapping(target = "reason", source = "reasonCode")
  CaseSummary toSummary(AfterSalesCase c);

  CaseView.BuyerView toView(Buyer buyer);

  CaseView.AddressView toView(PostalAddress address);

  CaseView.ItemView toView(CaseItem item);

  CaseView.ShipmentView toView(Shipment shipment);

  CaseView.TimelineView toView(TimelineEntry entry);

  CaseView.MessageView toView(BuyerMessage message);

  Buyer toBuyer(OpenCaseRequest.BuyerDetails details);

  PostalAddress toAddress(OpenCaseRequest.Address address);

  CaseItem toItem(OpenCaseRequest.Item item);

  Shipment toShipment(OpenCaseRequest.ShipmentDetails shipment);
}
