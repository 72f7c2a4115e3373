package io.seawall.engine;

import io.camunda.zeebe.logstreams.log.LogStream;
import io.camunda.zeebe.logstreams.log.LogStreamReader;
import io.camunda.zeebe.logstreams.log.LoggedEvent;
import io.camunda.zeebe.process.test.api.RecordStreamSource;
import io.camunda.zeebe.protocol.impl.record.CopiedRecord;
import io.camunda.zeebe.protocol.impl.record.RecordMetadata;
import io.camunda.zeebe.protocol.impl.record.UnifiedRecordValue;
import io.camunda.zeebe.protocol.record.Record;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The engine's records read straight from the log on every iteration, so nothing is held in heap
 * between reads (ZPT's source caches every record it ever read). Records below the latest state
 * snapshot may have been truncated away.
 */
final class LogRecords implements RecordStreamSource {

  private final LogStream logStream;

  LogRecords(LogStream logStream) {
    this.logStream = logStream;
  }

  @Override
  public Iterable<Record<?>> getRecords() {
    return () -> new RecordIterator(logStream.newLogStreamReader(), logStream.getPartitionId());
  }

  private static final class RecordIterator implements Iterator<Record<?>> {

    private final LogStreamReader reader;
    private final int partitionId;

    RecordIterator(LogStreamReader reader, int partitionId) {
      this.reader = reader;
      this.partitionId = partitionId;
      reader.seekToFirstEvent();
    }

    @Override
    public boolean hasNext() {
      boolean more = reader.hasNext();
      if (!more) {
        reader.close();
      }
      return more;
    }

    @Override
    public Record<?> next() {
      if (!reader.hasNext()) {
        throw new NoSuchElementException();
      }
      return copy(reader.next());
    }

    private Record<?> copy(LoggedEvent event) {
      RecordMetadata metadata = new RecordMetadata();
      event.readMetadata(metadata);
      UnifiedRecordValue value = UnifiedRecordValue.fromValueType(metadata.getValueType());
      event.readValue(value);
      return new CopiedRecord<>(
          value,
          metadata,
          event.getKey(),
          partitionId,
          event.getPosition(),
          event.getSourceEventPosition(),
          event.getTimestamp());
    }
  }
}
