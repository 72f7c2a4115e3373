package io.seawall.cases;

import java.util.List;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;

@Mapper
interface CaseMapper {

  @Mapping(target = "reason", expression = "java(new CaseView.ReasonView(c.reasonCode, c.reasonText))")
  @Mapping(target = "timeline", source = "timeline")
  @Mapping(target = "messages", source = "messages")
  @Mapping(target = "notes", source = "notes")
  CaseView toView(AfterSalesCase c, List<TimelineEntry> timeline, List<BuyerMessage> messages, List<CaseNote> notes);

  @Mapping(target = "country", source = "buyer.country")
  @Mapping(target = "reason", source = "reasonCode")
  CaseSummary toSummary(AfterSalesCase c);

  CaseView.BuyerView toView(Buyer buyer);

  CaseView.AddressView toView(PostalAddress address);

  CaseView.ItemView toView(CaseItem item);

  CaseView.ShipmentView toView(Shipment shipment);

  CaseView.TimelineView toView(TimelineEntry entry);

  CaseView.MessageView toView(BuyerMessage message);

  @Mapping(target = "text", source = "body")
  CaseView.NoteView toView(CaseNote note);

  Buyer toBuyer(OpenCaseRequest.BuyerDetails details);

  PostalAddress toAddress(OpenCaseRequest.Address address);

  CaseItem toItem(OpenCaseRequest.Item item);

  Shipment toShipment(OpenCaseRequest.ShipmentDetails shipment);
}
