package io.camunda.zeebe.process.test.engine;

import io.camunda.zeebe.engine.processing.streamprocessor.JobStreamer;
import io.camunda.zeebe.logstreams.log.LogStreamWriter;
import io.camunda.zeebe.stream.api.CommandResponseWriter;
import io.camunda.zeebe.stream.api.InterPartitionCommandSender;
import io.grpc.BindableService;

/**
 * Seawall's durable embedded engine (io.seawall.engine) reuses the gRPC gateway of
 * zeebe-process-test-engine, whose classes are package-private; this class, in their package,
 * hands them out behind public Zeebe interfaces. It holds no logic of its own.
 *
 * @param gateway the Zeebe gRPC service, writing commands to the log
 * @param responses writes the engine's answers back to the waiting gRPC callers
 * @param jobStreamer pushes activated jobs to clients that stream jobs
 * @param commandSender writes follow-up commands (single partition: back to the same log)
 */
public record GatewayParts(
    BindableService gateway,
    CommandResponseWriter responses,
    JobStreamer jobStreamer,
    InterPartitionCommandSender commandSender) {

  public static GatewayParts over(LogStreamWriter writer, int partitionId, int advertisedPort) {
    CommandWriter commands = new CommandWriter(writer);
    GatewayRequestStore requests = new GatewayRequestStore();
    InMemoryJobStreamer jobStreamer = new InMemoryJobStreamer(commands);
    GrpcToLogStreamGateway gateway =
        new GrpcToLogStreamGateway(commands, partitionId, 1, advertisedPort, requests, jobStreamer);
    return new GatewayParts(
        gateway,
        new GrpcResponseWriter(gateway, requests, null),
        jobStreamer,
        new CommandSender(commands));
  }
}
