package io.seawall.carrier;

import static java.util.stream.Collectors.joining;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.seawall.http.RetryAfter;
import java.io.IOException;
import java.net.http.HttpClient;
import java.time.Clock;
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
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * {@link CarrierTracking} on AfterShip's Tracking API, version 2024-07: {@code POST /trackings}
 * registers a parcel and {@code GET /trackings/{slug}/{tracking_number}} reads it. Every answer
 * comes in AfterShip's envelope {@code {"meta": {"code", "message", "type"}, "data": tracking}};
 * errors carry AfterShip's own code in {@code meta.code} (e.g. 4003 tracking already exists, 4004
 * tracking does not exist).
 *
 * <p>Only the fields Seawall needs are read from the answer, so the buyer's name, e-mail, phone,
 * address and signature that AfterShip sends along are never held or logged.
 */
final class AfterShipTracking implements CarrierTracking {

  private static final String TRACKING_ALREADY_EXISTS = "4003";

  /** Carriers give checkpoint times with an offset or, for some, in local time without one. */
  private static final DateTimeFormatter CHECKPOINT_TIME = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
      .optionalStart().appendOffsetId().optionalEnd()
      .toFormatter();

  private final RestClient http;
  private final Clock clock;
  // Its own mapper: AfterShip's wire format must not move with the application's JSON settings.
  private final ObjectMapper json = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .build();

  private AfterShipTracking(RestClient http, Clock clock) {
    this.http = http;
    this.clock = clock;
  }

  static AfterShipTracking create(AfterShipSettings settings, RestClient.Builder http, Clock clock) {
    if (settings.apiKey() == null || settings.apiKey().isBlank()) {
      throw new IllegalStateException(
          "seawall.carrier.aftership.api-key is required when seawall.carrier.adapter=aftership");
    }
    JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
        HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
    requests.setReadTimeout(settings.readTimeout());
    return new AfterShipTracking(
        http.baseUrl(settings.baseUrl())
            .requestFactory(requests)
            .defaultHeader("as-api-key", settings.apiKey())
            // AfterShip's reference requires it on every call, GETs included.
            .defaultHeader(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON_VALUE)
            .defaultHeader(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE)
            .build(),
        clock);
  }

  @Override
  public Tracking register(String carrierSlug, String trackingNumber) {
    byte[] body = write(new CreateTracking(carrierSlug, trackingNumber));
    try {
      return trackingOf(dataOf(call(http.post().uri("/trackings").body(body))));
    } catch (CarrierFailure.Refused refused) {
      if (!TRACKING_ALREADY_EXISTS.equals(refused.code())) {
        throw refused;
      }
      return read(carrierSlug, trackingNumber);
    }
  }

  /**
   * Reads through the slug-and-number path, which 2024-07 still serves (AfterShip deprecates it
   * from 2024-10 in favour of tracking ids): Seawall knows parcels by carrier and number.
   */
  @Override
  public Tracking read(String carrierSlug, String trackingNumber) {
    return trackingOf(dataOf(call(http.get().uri("/trackings/{slug}/{trackingNumber}", carrierSlug, trackingNumber))));
  }

  private Answer call(RestClient.RequestHeadersSpec<?> request) {
    try {
      // The body is only read here; it is interpreted outside, so that a body AfterShip got
      // wrong is not mistaken for a network failure.
      return request.exchange((sent, response) ->
          new Answer(response.getStatusCode(), response.getHeaders(), response.getBody().readAllBytes()));
    } catch (ResourceAccessException unreachable) {
      throw new CarrierFailure.Unavailable("AfterShip could not be reached: " + unreachable.getMessage(), unreachable);
    }
  }

  private TrackingData dataOf(Answer answer) {
    int status = answer.status().value();
    if (answer.status().is2xxSuccessful()) {
      Envelope envelope = envelopeOf(answer.body());
      if (envelope == null || envelope.data() == null
          || envelope.data().slug() == null || envelope.data().trackingNumber() == null) {
        throw new CarrierFailure.Unavailable("AfterShip answered HTTP " + status + " without a tracking", null);
      }
      return envelope.data();
    }
    Meta meta = metaOf(answer.body());
    if (status == HttpStatus.TOO_MANY_REQUESTS.value()) {
      throw new CarrierFailure.Throttled("AfterShip rate-limits Seawall" + describe(meta), retryAfter(answer.headers()));
    }
    if (answer.status().is5xxServerError()) {
      throw new CarrierFailure.Unavailable("AfterShip failed with HTTP " + status + describe(meta), null);
    }
    // 403 is a key without the right to do this: fixed in configuration, like a wrong key.
    if (status == HttpStatus.UNAUTHORIZED.value() || status == HttpStatus.FORBIDDEN.value()) {
      throw new CarrierFailure.Unauthorized("AfterShip rejected Seawall's API key (HTTP " + status
          + "); check seawall.carrier.aftership.api-key");
    }
    if (answer.status().is4xxClientError()) {
      throw new CarrierFailure.Refused(
          meta.code() == null ? String.valueOf(status) : String.valueOf(meta.code()),
          meta.message() == null ? "HTTP " + status : meta.message());
    }
    throw new CarrierFailure.Unavailable("AfterShip answered HTTP " + status, null);
  }

  private Tracking trackingOf(TrackingData data) {
    List<TrackingEvent> events = data.checkpoints() == null
        ? List.of()
        : data.checkpoints().stream().map(AfterShipTracking::event).toList();
    return Tracking.of(data.slug(), data.trackingNumber(), statusOf(data.tag()), data.subtag(), events);
  }

  /**
   * The checkpoint's {@code location} is left out on purpose: carriers put the buyer's street
   * address there on delivery. So is its {@code message}, carrier free text that can name who
   * signed; AfterShip's normalised {@code subtag_message} is kept instead.
   */
  private static TrackingEvent event(Checkpoint checkpoint) {
    return new TrackingEvent(
        instantOf(checkpoint.checkpointTime()),
        statusOf(checkpoint.tag()),
        checkpoint.subtag(),
        place(checkpoint),
        checkpoint.subtagMessage());
  }

  private static TrackingStatus statusOf(String tag) {
    // Guessing would send a case down the wrong path; failing shows that Seawall must learn it.
    return TrackingStatus.ofAfterShipTag(tag).orElseThrow(() ->
        new CarrierFailure.Unavailable("AfterShip answered a tag Seawall does not know: " + tag, null));
  }

  private static Instant instantOf(String checkpointTime) {
    if (checkpointTime == null) {
      throw new CarrierFailure.Unavailable("AfterShip answered a checkpoint without a time", null);
    }
    try {
      TemporalAccessor parsed = CHECKPOINT_TIME.parseBest(checkpointTime, OffsetDateTime::from, LocalDateTime::from);
      // Without an offset the time is read as UTC: at most 14 h off, which rules counting days of
      // silence absorb, and better than dropping the scan.
      return parsed instanceof OffsetDateTime withOffset
          ? withOffset.toInstant()
          : ((LocalDateTime) parsed).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException unreadable) {
      throw new CarrierFailure.Unavailable("AfterShip answered a checkpoint time Seawall cannot read: "
          + checkpointTime, unreadable);
    }
  }

  private static String place(Checkpoint checkpoint) {
    String country = checkpoint.countryName() != null ? checkpoint.countryName() : checkpoint.countryIso3();
    String place = Stream.of(checkpoint.city(), checkpoint.state(), country)
        .filter(part -> part != null && !part.isBlank())
        .collect(joining(", "));
    return place.isEmpty() ? null : place;
  }

  /**
   * AfterShip's Tracking API documents {@code X-RateLimit-Reset} (a Unix time); {@code Retry-After}
   * is what HTTP and AfterShip's other APIs send, and wins when present.
   */
  private Duration retryAfter(HttpHeaders headers) {
    Optional<Duration> retryAfter = RetryAfter.in(headers);
    if (retryAfter.isPresent()) {
      return retryAfter.get();
    }
    String reset = headers.getFirst("X-RateLimit-Reset");
    if (isSeconds(reset)) {
      Duration untilReset = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(reset.strip())));
      return untilReset.isNegative() ? Duration.ZERO : untilReset;
    }
    return null;
  }

  private static boolean isSeconds(String value) {
    return value != null && value.strip().matches("\\d{1,18}");
  }

  private static String describe(Meta meta) {
    return meta.code() == null ? "" : " (meta code " + meta.code() + ": " + meta.message() + ")";
  }

  private Envelope envelopeOf(byte[] body) {
    try {
      return json.readValue(body, Envelope.class);
    } catch (IOException unreadable) {
      throw new CarrierFailure.Unavailable("AfterShip answered a body Seawall cannot read", unreadable);
    }
  }

  /** An error's meta, or an empty one when the body is not AfterShip's (e.g. a proxy's page). */
  private Meta metaOf(byte[] body) {
    try {
      ErrorEnvelope envelope = json.readValue(body, ErrorEnvelope.class);
      return envelope == null || envelope.meta() == null ? Meta.NONE : envelope.meta();
    } catch (IOException notAfterShips) {
      return Meta.NONE;
    }
  }

  private byte[] write(CreateTracking request) {
    try {
      return json.writeValueAsBytes(request);
    } catch (JsonProcessingException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  private record Answer(HttpStatusCode status, HttpHeaders headers, byte[] body) {}

  record CreateTracking(String slug, String trackingNumber) {}

  record Envelope(TrackingData data) {}

  record ErrorEnvelope(Meta meta) {}

  record Meta(Integer code, String message) {
    static final Meta NONE = new Meta(null, null);
  }

  record TrackingData(String slug, String trackingNumber, String tag, String subtag, List<Checkpoint> checkpoints) {}

  record Checkpoint(
      String checkpointTime,
      String city,
      String state,
      String countryName,
      String countryIso3,
      String tag,
      String subtag,
      String subtagMessage) {}
}
