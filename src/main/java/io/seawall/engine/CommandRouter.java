package io.seawall.engine;

import io.camunda.zeebe.logstreams.log.LogAppendEntry;
import io.camunda.zeebe.logstreams.log.LogStreamWriter;
import io.camunda.zeebe.logstreams.log.WriteContext;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.RecordType;
import io.camunda.zeebe.protocol.record.RejectionType;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.Intent;
import io.camunda.zeebe.stream.api.CommandResponseWriter;
import io.camunda.zeebe.util.buffer.BufferUtil;
import io.camunda.zeebe.util.buffer.BufferWriter;
import io.camunda.zeebe.util.buffer.DirectBufferWriter;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the engine's answers: to Seawall's own endpoints for commands they wrote (their own
 * request stream), otherwise to the gRPC gateway. Until {@link #acceptRequests()} it drops every
 * answer: after a restart the engine first works off commands written by the previous run, whose
 * callers are gone and whose request ids the new gateway would hand to the wrong caller.
 */
final class CommandRouter implements CommandResponseWriter, EngineCommands {

  private static final Logger log = LoggerFactory.getLogger(CommandRouter.class);

  /** The gRPC gateway writes its commands with the partition id (1) as request stream. */
  static final int OWN_REQUEST_STREAM = 2;

  /**
   * ZPT's gRPC response writer keeps part of the answer in static fields, so two engines in one JVM
   * (tests, the benchmark) would mix their answers: each answer is handed over whole, under this lock.
   */
  private static final Object GRPC_ANSWERS = new Object();

  private final CommandResponseWriter grpc;
  private final LogStreamWriter writer;
  private final Map<Long, CompletableFuture<CommandAnswer>> waiting = new ConcurrentHashMap<>();
  private final AtomicLong requestIds = new AtomicLong();
  private volatile boolean accepting;

  // The answer being built; the engine sets and writes it on its single processing thread.
  private int partitionId;
  private long key;
  private Intent intent;
  private RecordType recordType;
  private ValueType valueType;
  private RejectionType rejectionType = RejectionType.NULL_VAL;
  private String rejectionReason = "";
  private byte[] value = new byte[0];

  CommandRouter(CommandResponseWriter grpc, LogStreamWriter writer) {
    this.grpc = grpc;
    this.writer = writer;
  }

  void acceptRequests() {
    accepting = true;
  }

  @Override
  public CompletableFuture<CommandAnswer> send(
      long recordKey, ValueType valueType, Intent commandIntent, UnifiedRecordValue command) {
    long requestId = requestIds.incrementAndGet();
    CompletableFuture<CommandAnswer> answer = new CompletableFuture<>();
    answer.whenComplete((a, e) -> waiting.remove(requestId));
    waiting.put(requestId, answer);
    RecordMetadata metadata = new RecordMetadata()
        .recordType(RecordType.COMMAND)
        .valueType(valueType)
        .intent(commandIntent)
        .requestStreamId(OWN_REQUEST_STREAM)
        .requestId(requestId);
    writer
        .tryWrite(WriteContext.internal(), LogAppendEntry.of(recordKey, metadata, command))
        .ifLeft(failure -> answer.completeExceptionally(
            new IllegalStateException("The engine did not take the command: " + failure)));
    return answer;
  }

  @Override
  public CommandResponseWriter partitionId(int partitionId) {
    this.partitionId = partitionId;
    return this;
  }

  @Override
  public CommandResponseWriter key(long key) {
    this.key = key;
    return this;
  }

  @Override
  public CommandResponseWriter intent(Intent intent) {
    this.intent = intent;
    return this;
  }

  @Override
  public CommandResponseWriter recordType(RecordType type) {
    this.recordType = type;
    return this;
  }

  @Override
  public CommandResponseWriter valueType(ValueType valueType) {
    this.valueType = valueType;
    return this;
  }

  @Override
  public CommandResponseWriter rejectionType(RejectionType rejectionType) {
    this.rejectionType = rejectionType;
    return this;
  }

  @Override
  public CommandResponseWriter rejectionReason(DirectBuffer rejectionReason) {
    this.rejectionReason = BufferUtil.bufferAsString(rejectionReason);
    return this;
  }

  @Override
  public CommandResponseWriter valueWriter(BufferWriter valueWriter) {
    byte[] bytes = new byte[valueWriter.getLength()];
    valueWriter.write(new UnsafeBuffer(bytes), 0);
    this.value = bytes;
    return this;
  }

  @Override
  public void tryWriteResponse(int requestStreamId, long requestId) {
    try {
      if (requestStreamId == OWN_REQUEST_STREAM) {
        CompletableFuture<CommandAnswer> answer = waiting.get(requestId);
        if (answer != null) {
          answer.complete(new CommandAnswer(key, intent, rejectionType, rejectionReason, value));
        }
      } else if (accepting) {
        answerGrpcCaller(requestStreamId, requestId);
      }
    } finally {
      rejectionType = RejectionType.NULL_VAL;
      rejectionReason = "";
      value = new byte[0];
    }
  }

  private void answerGrpcCaller(int requestStreamId, long requestId) {
    try {
      synchronized (GRPC_ANSWERS) {
        grpc.partitionId(partitionId)
            .key(key)
            .intent(intent)
            .recordType(recordType)
            .valueType(valueType)
            .rejectionType(rejectionType)
            .rejectionReason(BufferUtil.wrapString(rejectionReason))
            .valueWriter(new DirectBufferWriter().wrap(new UnsafeBuffer(value)))
            .tryWriteResponse(requestStreamId, requestId);
      }
    } catch (RuntimeException callerGone) {
      // A caller that hung up or timed out must not stop the engine from processing.
      // One line: the caller's side of it (a cancelled call, a timeout) is all there is to say.
      log.warn("The answer to gRPC request {} ({} {}) reached no caller: {}", requestId, valueType, intent,
          callerGone.getMessage());
    }
  }
}
