package io.seawall.engine;

import io.camunda.search.clients.SearchClientsProxy;
import io.camunda.security.auth.BrokerRequestAuthorizationConverter;
import io.camunda.security.configuration.SecurityConfiguration;
import io.camunda.zeebe.db.AccessMetricsConfiguration;
import io.camunda.zeebe.db.ConsistencyChecksSettings;
import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.db.impl.rocksdb.RocksDbConfiguration;
import io.camunda.zeebe.db.impl.rocksdb.ZeebeRocksDbFactory;
import io.camunda.zeebe.engine.Engine;
import io.camunda.zeebe.engine.EngineConfiguration;
import io.camunda.zeebe.engine.processing.EngineProcessors;
import io.camunda.zeebe.engine.processing.message.command.SubscriptionCommandSender;
import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.process.test.engine.GatewayParts;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.protocol.impl.record.value.processinstance.ProcessInstanceRecord;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.ProcessInstanceIntent;
import io.camunda.zeebe.scheduler.ActorScheduler;
import io.camunda.zeebe.scheduler.clock.ControlledActorClock;
import io.camunda.zeebe.stream.api.StreamClock;
import io.camunda.zeebe.stream.api.StreamClock.ControllableStreamClock;
import io.camunda.zeebe.stream.impl.ControllableStreamClockImpl;
import io.camunda.zeebe.stream.impl.StreamProcessor;
import io.camunda.zeebe.util.FeatureFlags;
import io.grpc.Server;
import io.grpc.netty.NettyServerBuilder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Zeebe engine running inside Seawall when no cluster is configured, assembled from Zeebe's
 * own parts: its stream processor and engine processors over a log kept in files ({@link
 * SegmentedLog}, forced to disk before a write is acknowledged) and a RocksDB state with periodic
 * snapshots. On start it restores the newest snapshot and replays the log after it, so instances,
 * timers, message subscriptions and user tasks are where they were, after a clean stop or a crash.
 * Seawall's code never calls it: everything goes through the Camunda client, over ZPT's gRPC
 * gateway and {@link EngineRestApi}, exactly as against a cluster.
 */
public final class EmbeddedEngine {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedEngine.class);
  private static final int PARTITION = 1;
  private static final long STATE_MEMORY = 64L * 1024 * 1024;

  private final EngineSettings settings;
  private final Optional<ControlledActorClock> controlledClock;
  private final Path clockOffsetFile;

  private ActorScheduler scheduler;
  private SegmentedLog segments;
  private LogStream logStream;
  private ZeebeDb<ZbColumnFamilies> state;
  private StreamProcessor processor;
  private StateSnapshots snapshots;
  private Server grpc;
  private EngineRestApi rest;
  private ScheduledExecutorService snapshotTimer;
  private volatile Duration clockOffset = Duration.ZERO;

  EmbeddedEngine(EngineSettings settings) {
    this.settings = settings;
    this.controlledClock = settings.clockControl() ? Optional.of(new ControlledActorClock()) : Optional.empty();
    this.clockOffsetFile = settings.directory().resolve("clock-offset");
  }

  void start() {
    long started = System.nanoTime();
    try {
      Files.createDirectories(settings.directory());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the engine directory " + settings.directory(), e);
    }
    restoreClockOffset();

    ActorScheduler.ActorSchedulerBuilder schedulerBuilder =
        ActorScheduler.newActorScheduler().setSchedulerName("seawall-engine");
    controlledClock.ifPresent(schedulerBuilder::setActorClock);
    scheduler = schedulerBuilder.build();
    scheduler.start();

    segments = SegmentedLog.open(settings.directory().resolve("log"), settings.segmentSize().toBytes());
    InstantSource clock = controlledClock.<InstantSource>map(c -> c).orElse(InstantSource.system());
    logStream = LogStream.builder()
        .withPartitionId(PARTITION)
        .withLogStorage(segments)
        .withClock(clock)
        .withMeterRegistry(new SimpleMeterRegistry())
        .build();

    snapshots = new StateSnapshots(settings.directory().resolve("snapshots"));
    Optional<StateSnapshots.Snapshot> restored = snapshots.newest();
    Path runtime = settings.directory().resolve("state");
    snapshots.restore(restored, runtime);
    state = new ZeebeRocksDbFactory<ZbColumnFamilies>(
            new RocksDbConfiguration().setMemoryLimit(STATE_MEMORY),
            new ConsistencyChecksSettings(),
            new AccessMetricsConfiguration(AccessMetricsConfiguration.Kind.NONE, PARTITION),
            SimpleMeterRegistry::new)
        .createDb(runtime.toFile());

    GatewayParts gateway = GatewayParts.over(logStream.newLogStreamWriter(), PARTITION, settings.port());
    CommandRouter router = new CommandRouter(gateway.responses(), logStream.newLogStreamWriter());
    processor = streamProcessor(gateway, router, clock);
    processor.openAsync(false).join();
    awaitBacklogProcessed(router);
    int handedBack = InFlightJobs.handBack(state, router);
    router.acceptRequests();

    grpc = NettyServerBuilder.forAddress(new InetSocketAddress(settings.host(), settings.port()))
        .addService(gateway.gateway())
        .build();
    try {
      grpc.start();
    } catch (IOException e) {
      throw new UncheckedIOException("The engine cannot listen on " + settings.host() + ":" + settings.port(), e);
    }
    rest = new EngineRestApi(
        new InetSocketAddress(settings.host(), settings.restPort()),
        router,
        controlledClock.map(c -> new EngineClock(this)),
        EngineIncidents.inState(state, PARTITION),
        Duration.ofSeconds(15));
    rest.start();

    snapshotTimer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name("seawall-engine-snapshots").daemon().factory());
    long every = settings.snapshotInterval().toMillis();
    snapshotTimer.scheduleWithFixedDelay(this::snapshotQuietly, every, every, TimeUnit.MILLISECONDS);

    log.info(
        "Embedded Zeebe engine up in {} ms on {} (gRPC {}, REST {}); state from {}, log {} MB in {} segment(s){}{}",
        Duration.ofNanos(System.nanoTime() - started).toMillis(),
        settings.host(), settings.port(), rest.port(),
        restored.map(s -> "snapshot at position " + s.position()).orElse("an empty store"),
        segments.sizeOnDisk() / (1024 * 1024), segments.segmentCount(),
        handedBack == 0 ? "" : "; " + handedBack + " job(s) in flight when the last run stopped handed back to the workers",
        controlledClock.isPresent() ? ", clock control ON" : "");
  }

  private StreamProcessor streamProcessor(GatewayParts gateway, CommandRouter router, InstantSource clock) {
    SecurityConfiguration security = new SecurityConfiguration();
    security.getAuthorizations().setEnabled(false);
    ControllableStreamClock streamClock = controlledClock.isPresent()
        ? new ControllableStreamClockImpl(clock)
        : StreamClock.controllable(clock);
    return StreamProcessor.builder()
        .logStream(logStream)
        .zeebeDb(state)
        .commandResponseWriter(router)
        .partitionCommandSender(gateway.commandSender())
        .recordProcessors(List.of(new Engine(
            context -> EngineProcessors.createEngineProcessors(
                context,
                1,
                new SubscriptionCommandSender(context.getPartitionId(), gateway.commandSender()),
                gateway.commandSender(),
                FeatureFlags.createDefault(),
                gateway.jobStreamer(),
                SearchClientsProxy.noop(),
                new BrokerRequestAuthorizationConverter(security)),
            new EngineConfiguration(),
            security)))
        .actorSchedulingService(scheduler)
        .clock(streamClock)
        .meterRegistry(new SimpleMeterRegistry())
        .build();
  }

  /**
   * Commands the previous run wrote but did not process are worked off before callers come in: the
   * new gateway numbers its requests from 1 again, so an answer to an old command would reach the
   * wrong caller or none. The stream processor's own "reached the end" flag starts out true before
   * it has read anything, so it cannot tell; a command of Seawall's own, written now, is answered
   * only once everything before it in the log has been processed. (The cancellation of an instance
   * that cannot exist: the engine refuses it, which is all the answer needed.)
   */
  private void awaitBacklogProcessed(CommandRouter router) {
    ProcessInstanceRecord noInstance = new ProcessInstanceRecord().setProcessInstanceKey(-1);
    try {
      router.send(-1, ValueType.PROCESS_INSTANCE, ProcessInstanceIntent.CANCEL, noInstance).get(10, TimeUnit.MINUTES);
    } catch (TimeoutException e) {
      throw new IllegalStateException("The engine did not catch up with its log within 10 minutes", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("The engine did not take its start-up command", e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while the engine caught up with its log", e);
    }
  }

  void stop() {
    try {
      snapshotTimer.shutdownNow();
      grpc.shutdownNow();
      grpc.awaitTermination(10, TimeUnit.SECONDS);
      rest.close();
      snapshot();
      processor.closeAsync().join();
      state.close();
      logStream.close();
      segments.close();
      scheduler.stop().get(30, TimeUnit.SECONDS);
      log.info("Embedded Zeebe engine stopped");
    } catch (Exception e) {
      throw new IllegalStateException("The embedded engine did not stop cleanly", e);
    }
  }

  /**
   * Snapshots the state and cuts the log below the older kept snapshot, so a start-up replays at
   * most one snapshot interval of log. Answers whether a new snapshot was taken.
   */
  synchronized boolean snapshot() {
    long processed = processor.getLastProcessedPositionAsync().join();
    Optional<StateSnapshots.Snapshot> taken = snapshots.take(
        state, processed, () -> processor.getLastWrittenPositionAsync().join(), segments::lastPosition);
    taken.ifPresent(s -> segments.deleteUntil(snapshots.oldestKeptPosition()));
    return taken.isPresent();
  }

  private void snapshotQuietly() {
    try {
      snapshot();
    } catch (RuntimeException e) {
      log.warn("Engine snapshot failed; the next start replays more of the log", e);
    }
  }

  public int port() {
    return settings.port();
  }

  public int restPort() {
    return rest.port();
  }

  /** Bytes the engine's log takes on disk. */
  public long logSizeOnDisk() {
    return segments.sizeOnDisk();
  }

  /** Every record still in the engine's log: what process tests read to assert the path taken. */
  public RecordStreamSource records() {
    return new LogRecords(logStream);
  }

  /** Computed, not read from the actor clock: that one only moves when its threads next tick. */
  Instant clockNow() {
    return Instant.now().plus(clockOffset);
  }

  /** Moves the engine clock; only reachable when clock control is on (tests, demos). */
  synchronized void advanceClock(Duration by) {
    ControlledActorClock clock = controlledClock.orElseThrow(
        () -> new IllegalStateException("The engine clock is not controllable"));
    clock.addTime(by);
    clockOffset = clockOffset.plus(by);
    try {
      Files.writeString(clockOffsetFile, Long.toString(clockOffset.toMillis()), StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the engine clock offset in " + clockOffsetFile, e);
    }
  }

  /** A moved clock stays moved across restarts: due dates set while it was moved are relative to it. */
  private void restoreClockOffset() {
    if (controlledClock.isEmpty() || !Files.exists(clockOffsetFile)) {
      return;
    }
    try {
      clockOffset = Duration.ofMillis(Long.parseLong(Files.readString(clockOffsetFile).trim()));
      controlledClock.get().addTime(clockOffset);
    } catch (IOException | NumberFormatException e) {
      throw new IllegalStateException("Unreadable engine clock offset in " + clockOffsetFile, e);
    }
  }
}
