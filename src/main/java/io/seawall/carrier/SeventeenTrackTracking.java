package io.seawall.carrier;

import static java.util.stream.Collectors.joining;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.seawall.http.RetryAfter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * {@link CarrierTracking} on 17TRACK's Tracking API, version 2.2
 * (https://asset.17track.net/api/document/v2.2_en/index.html): {@code POST /register} has 17TRACK
 * follow a number and {@code POST /gettrackinfo} reads it, each with a JSON array of
 * {@code {number, carrier}} and the key in the {@code 17token} header. Answers come as
 * {@code {"code", "data": {"accepted", "rejected"}}}: a non-zero {@code code} fails the whole call
 * (with {@code data.errors}), a number 17TRACK did not take is in {@code rejected} with its own code
 * (-18019901 already registered, -18019902 not registered, ...). Besides, 17TRACK answers HTTP 401
 * to rejected credentials and 429 past its rate limit
 * (https://help.17track.net/hc/en-us/articles/37570440168473-Error-Codes-and-Troubleshooting).
 *
 * <p>17TRACK tracks asynchronously: a registration answers no status, so a number it has just
 * accepted is PENDING, and registering it again (already registered) reads what 17TRACK has learnt
 * since. The carrier code is sent only for slugs in {@code carrier-codes}; for every other slug
 * 17TRACK detects the carrier from the number, and reads ask for the number alone.
 *
 * <p>Only the fields Seawall needs are read, so the shipper's and recipient's addresses, the
 * carriers' own descriptions (which can name whoever signed) and the scans' streets and postal codes
 * are never held or logged.
 */
final class SeventeenTrackTracking implements CarrierTracking {

  private static final int ALREADY_REGISTERED = -18019901;
  /** Registered, but the carrier has reported nothing yet: a parcel not yet handed over, not a refusal. */
  private static final int NO_TRACKING_INFO_YET = -18019909;
  private static final int INTERNAL_ERROR = -18010003;
  /** IP not on the account's whitelist, invalid key, account disabled, unauthorized access. */
  private static final Set<Integer> CREDENTIALS = Set.of(-18010001, -18010002, -18010004, -18010005);
  /** Daily tracking limit exceeded, quota used up, and 429 when it comes as a code in the body. */
  private static final Set<Integer> LIMITS = Set.of(-18019907, -18019908, 429);

  /** Milestone stages that are not main statuses; an event without a sub-status may carry one. */
  private static final Map<String, TrackingStatus> KEY_STAGES = Map.of(
      "PickedUp", TrackingStatus.IN_TRANSIT,
      "Departure", TrackingStatus.IN_TRANSIT,
      "Arrival", TrackingStatus.IN_TRANSIT,
      "Returning", TrackingStatus.EXCEPTION,
      "Returned", TrackingStatus.EXCEPTION);

  /** {@code time_utc} ends in Z and {@code time_iso} carries the offset; both are read alike. */
  private static final DateTimeFormatter EVENT_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart().appendOffsetId().optionalEnd()
      .toFormatter();

  private final RestClient http;
  private final Map<String, Integer> carrierCodes;
  // Its own mapper: 17TRACK's wire format must not move with the application's JSON settings.
  private final ObjectMapper json = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private SeventeenTrackTracking(RestClient http, Map<String, Integer> carrierCodes) {
    this.http = http;
    this.carrierCodes = carrierCodes;
  }

  static SeventeenTrackTracking create(SeventeenTrackSettings settings, RestClient.Builder http) {
    if (settings.apiKey() == null || settings.apiKey().isBlank()) {
      throw new IllegalStateException(
          "seawall.carrier.seventeen-track.api-key is required when seawall.carrier.adapter=17track");
    }
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
    requests.setReadTimeout(settings.readTimeout());
    return new SeventeenTrackTracking(
        http.baseUrl(settings.baseUrl())
            .requestFactory(requests)
            .defaultHeader("17token", settings.apiKey())
            .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
            .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
            .build(),
        settings.carrierCodes());
  }

  @Override
  public Tracking register(String carrierSlug, String trackingNumber) {
    Data data = dataOf(post("/register", carrierSlug, trackingNumber));
    if (answerFor(data.accepted(), Accepted::number, trackingNumber).isPresent()) {
      return Tracking.of(carrierSlug, trackingNumber, TrackingStatus.PENDING, null, List.of());
    }
    Problem problem = rejectionOf(data, trackingNumber);
    if (problem.code() != null && problem.code() == ALREADY_REGISTERED) {
      return read(carrierSlug, trackingNumber);
    }
    throw failureOf(problem);
  }

  @Override
  public Tracking read(String carrierSlug, String trackingNumber) {
    Data data = dataOf(post("/gettrackinfo", carrierSlug, trackingNumber));
    Optional<Accepted> accepted = answerFor(data.accepted(), Accepted::number, trackingNumber);
    if (accepted.isPresent()) {
      return trackingOf(carrierSlug, accepted.get());
    }
    Problem problem = rejectionOf(data, trackingNumber);
    if (problem.code() != null && problem.code() == NO_TRACKING_INFO_YET) {
      return Tracking.of(carrierSlug, trackingNumber, TrackingStatus.PENDING, null, List.of());
    }
    throw failureOf(problem);
  }

  private Answer post(String path, String carrierSlug, String trackingNumber) {
    byte[] body = write(List.of(new TrackedNumber(trackingNumber, carrierCodes.get(carrierSlug))));
    try {
      // The body is only read here; it is interpreted outside, so that a body 17TRACK got wrong is
      // not mistaken for a network failure.
      return http.post().uri(path).body(body).exchange((sent, response) ->
          new Answer(response.getStatusCode(), response.getHeaders(), response.getBody().readAllBytes()));
    } catch (ResourceAccessException unreachable) {
      throw new CarrierFailure.Unavailable("17TRACK could not be reached: " + unreachable.getMessage(), unreachable);
    }
  }

  private Data dataOf(Answer answer) {
    int status = answer.status().value();
    if (answer.status().is2xxSuccessful()) {
      Envelope envelope = envelopeOf(answer.body());
      if (envelope == null || envelope.code() == null) {
        throw new CarrierFailure.Unavailable("17TRACK answered HTTP " + status + " without its envelope", null);
      }
      if (envelope.code() != 0) {
        throw failureOf(new Problem(envelope.code(), firstErrorOf(envelope).message()));
      }
      if (envelope.data() == null) {
        throw new CarrierFailure.Unavailable("17TRACK answered HTTP " + status + " without data", null);
      }
      return envelope.data();
    }
    Problem problem = problemOf(answer.body());
    if (status == HttpStatus.TOO_MANY_REQUESTS.value()) {
      throw new CarrierFailure.Throttled("17TRACK rate-limits Seawall (HTTP 429)" + describe(problem),
          retryAfter(answer.headers()));
    }
    if (answer.status().is5xxServerError()) {
      throw new CarrierFailure.Unavailable("17TRACK failed with HTTP " + status + describe(problem), null);
    }
    if (status == HttpStatus.UNAUTHORIZED.value() || status == HttpStatus.FORBIDDEN.value()) {
      throw unauthorized("HTTP " + status + (problem.code() == null ? "" : ", code " + problem.code()));
    }
    if (answer.status().is4xxClientError()) {
      throw new CarrierFailure.Refused(
          problem.code() == null ? String.valueOf(status) : String.valueOf(problem.code()),
          problem.message() == null ? "HTTP " + status : problem.message());
    }
    throw new CarrierFailure.Unavailable("17TRACK answered HTTP " + status, null);
  }

  /** What one of 17TRACK's codes means for Seawall, whether the whole call or one number got it. */
  private static CarrierFailure failureOf(Problem problem) {
    Integer code = problem.code();
    if (code == null) {
      return new CarrierFailure.Unavailable("17TRACK rejected the number without a code", null);
    }
    if (CREDENTIALS.contains(code)) {
      // The provider's message is left out: nothing 17TRACK echoes may carry the key into a log.
      return unauthorized("code " + code);
    }
    if (LIMITS.contains(code)) {
      // A daily limit or a used-up quota lifts with time or a purchase, not with the same call now.
      return new CarrierFailure.Throttled("17TRACK's limits stop Seawall" + describe(problem), null);
    }
    if (code == INTERNAL_ERROR) {
      return new CarrierFailure.Unavailable("17TRACK failed on its side" + describe(problem), null);
    }
    return new CarrierFailure.Refused(String.valueOf(code), problem.message() == null ? "code " + code : problem.message());
  }

  private static CarrierFailure.Unauthorized unauthorized(String reason) {
    return new CarrierFailure.Unauthorized("17TRACK rejected Seawall's credentials (" + reason
        + "); check seawall.carrier.seventeen-track.api-key and the IP whitelist of the 17TRACK account");
  }

  private static Problem rejectionOf(Data data, String trackingNumber) {
    return answerFor(data.rejected(), Rejected::number, trackingNumber)
        .map(rejected -> rejected.error() == null ? Problem.NONE : rejected.error())
        .orElseThrow(() -> new CarrierFailure.Unavailable(
            "17TRACK answered without the tracking number among accepted or rejected", null));
  }

  private static <T> Optional<T> answerFor(List<T> answers, Function<T, String> number, String trackingNumber) {
    return answers == null
        ? Optional.empty()
        : answers.stream().filter(answer -> trackingNumber.equalsIgnoreCase(number.apply(answer))).findFirst();
  }

  private static Tracking trackingOf(String carrierSlug, Accepted accepted) {
    TrackInfo info = accepted.trackInfo();
    if (info == null || info.latestStatus() == null) {
      throw new CarrierFailure.Unavailable("17TRACK answered the number without its track_info", null);
    }
    String status = info.latestStatus().status();
    TrackingStatus seawallStatus = TrackingStatus.ofSeventeenTrackStatus(status).orElseThrow(() ->
        // Guessing would send a case down the wrong path; failing shows that Seawall must learn it.
        new CarrierFailure.Unavailable("17TRACK answered a status Seawall does not know: " + status, null));
    // A number can change hands (an origin post, then the last mile): every provider's events count.
    List<TrackingEvent> events = info.tracking() == null || info.tracking().providers() == null
        ? List.of()
        : info.tracking().providers().stream()
            .flatMap(provider -> provider.events() == null ? Stream.<Event>empty() : provider.events().stream())
            .map(SeventeenTrackTracking::event)
            .toList();
    return Tracking.of(carrierSlug, accepted.number(), seawallStatus, info.latestStatus().subStatus(), events);
  }

  /**
   * The event's {@code description} and {@code location} are the carrier's own words: the first can
   * name who signed, the second can be the buyer's street. 17TRACK has no normalised wording per
   * event, so the event carries no message, and its place comes from the structured address.
   */
  private static TrackingEvent event(Event event) {
    return new TrackingEvent(instantOf(event), statusOf(event), event.subStatus(), place(event.address()), null);
  }

  /**
   * An event's sub-status is {@code <MainStatus>_<Reason>} (or {@code InfoReceived} alone); without
   * one, its stage is either a main status or a milestone stage. An event 17TRACK left
   * unclassified is a scan on the way: the parcel's own status, which decisions read, does not
   * depend on it.
   */
  private static TrackingStatus statusOf(Event event) {
    String said = present(event.subStatus()) ? event.subStatus() : event.stage();
    if (!present(said)) {
      return TrackingStatus.IN_TRANSIT;
    }
    int reason = said.indexOf('_');
    return TrackingStatus.ofSeventeenTrackStatus(reason < 0 ? said : said.substring(0, reason))
        .or(() -> Optional.ofNullable(KEY_STAGES.get(said)))
        .orElseThrow(() -> new CarrierFailure.Unavailable(
            "17TRACK answered an event status Seawall does not know: " + said, null));
  }

  /**
   * {@code time_utc}, else {@code time_iso}; some carriers give only the local {@code time_raw}
   * (e.g. a delivery), read with its offset when it has one and as UTC when not: at most 14 h off,
   * which rules counting days of silence absorb, and better than dropping the scan.
   */
  private static Instant instantOf(Event event) {
    String time = present(event.timeUtc()) ? event.timeUtc() : event.timeIso();
    if (!present(time) && event.timeRaw() != null && present(event.timeRaw().date()) && present(event.timeRaw().time())) {
      time = event.timeRaw().date() + "T" + event.timeRaw().time() + offsetOf(event.timeRaw().timezone());
    }
    if (!present(time)) {
      throw new CarrierFailure.Unavailable("17TRACK answered an event without a time", null);
    }
    try {
      TemporalAccessor parsed = EVENT_TIME.parseBest(time, OffsetDateTime::from, LocalDateTime::from);
      return parsed instanceof OffsetDateTime withOffset
          ? withOffset.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException unreadable) {
      throw new CarrierFailure.Unavailable("17TRACK answered an event time Seawall cannot read: " + time, unreadable);
    }
  }

  private static String offsetOf(String timezone) {
    if (!present(timezone)) {
      return "";
    }
    try {
      return ZoneOffset.of(timezone.strip()).getId();
    } catch (DateTimeException notAnOffset) {
      return "";
    }
  }

  /** City, state and country; street and postal code are left out, as they lead to the buyer's door. */
  private static String place(Address address) {
    if (address == null) {
      return null;
    }
    String place = Stream.of(address.city(), address.state(), address.country())
        .filter(SeventeenTrackTracking::present)
        .collect(joining(", "));
    return place.isEmpty() ? null : place;
  }

  /** 17TRACK documents no wait for its 429; a standard {@code Retry-After} is honoured when sent. */
  private static Duration retryAfter(HttpHeaders headers) {
    return RetryAfter.in(headers).orElse(null);
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
  }

  private static String describe(Problem problem) {
    return problem.code() == null ? "" : " (code " + problem.code()
        + (problem.message() == null ? "" : ": " + problem.message()) + ")";
  }

  private static Problem firstErrorOf(Envelope envelope) {
    return envelope.data() == null || envelope.data().errors() == null || envelope.data().errors().isEmpty()
        ? Problem.NONE
        : envelope.data().errors().getFirst();
  }

  private Envelope envelopeOf(byte[] body) {
    try {
      return json.readValue(body, Envelope.class);
    } catch (IOException unreadable) {
      throw new CarrierFailure.Unavailable("17TRACK answered a body Seawall cannot read", unreadable);
    }
  }

  /** An error answer's code and message, or none when the body is not 17TRACK's (e.g. a proxy's page). */
  private Problem problemOf(byte[] body) {
    try {
      Envelope envelope = json.readValue(body, Envelope.class);
      if (envelope == null || envelope.code() == null) {
        return Problem.NONE;
      }
      return new Problem(envelope.code(), firstErrorOf(envelope).message());
    } catch (IOException notSeventeenTracks) {
      return Problem.NONE;
    }
  }

  private byte[] write(List<TrackedNumber> numbers) {
    try {
      return json.writeValueAsBytes(numbers);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private record Answer(HttpStatusCode status, HttpHeaders headers, byte[] body) {}

  /** Without a carrier code 17TRACK detects the carrier, so none is sent rather than a null. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record TrackedNumber(String number, Integer carrier) {}

  record Envelope(Integer code, Data data) {}

  record Data(List<Accepted> accepted, List<Rejected> rejected, List<Problem> errors) {}

  record Accepted(String number, TrackInfo trackInfo) {}

  record Rejected(String number, Problem error) {}

  record Problem(Integer code, String message) {
    static final Problem NONE = new Problem(null, null);
  }

  record TrackInfo(LatestStatus latestStatus, ProviderTracking tracking) {}

  record LatestStatus(String status, String subStatus) {}

  record ProviderTracking(List<Provider> providers) {}

  record Provider(List<Event> events) {}

  record Event(String timeUtc, String timeIso, TimeRaw timeRaw, String stage, String subStatus, Address address) {}

  record TimeRaw(String date, String time, String timezone) {}

  record Address(String city, String state, String country) {}
}
