package io.seawall.engine;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * How the embedded engine runs ({@code seawall.engine.*}).
 *
 * @param directory where its log, state and snapshots live
 * @param host the address its ports listen on: loopback unless configured otherwise
 * @param port the Zeebe gRPC port the Camunda client talks to
 * @param restPort the port of its REST endpoints (user-task commands, clock)
 * @param clockControl whether tests and demos may move its clock; production never sets it
 * @param snapshotInterval how often its state is snapshotted, bounding what a start-up replays
 * @param segmentSize the size of one log segment file
 */
@ConfigurationProperties("seawall.engine")
record EngineSettings(
    @DefaultValue("./data/engine") Path directory,
    @DefaultValue("127.0.0.1") String host,
    int port,
    int restPort,
    @DefaultValue("false") boolean clockControl,
    @DefaultValue("5m") Duration snapshotInterval,
    @DefaultValue("64MB") DataSize segmentSize) {}
