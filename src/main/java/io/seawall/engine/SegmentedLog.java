package io.seawall.engine;

import io.camunda.zeebe.logstreams.storage.LogStorage;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.BufferWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded engine's log, in segment files on disk. Each block Zeebe appends is checksummed and
 * forced to disk before the append is acknowledged, so an acknowledged record survives a crash; a
 * block torn by a crash at the end of the newest segment is cut off at the next start. Payloads are
 * never held in heap: readers read them from the files, found through a sparse index.
 */
final class SegmentedLog implements LogStorage, AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SegmentedLog.class);

  private static final int SEGMENT_MAGIC = 0x5357_4c53; // "SWLS"
  private static final int BLOCK_MAGIC = 0x5357_4c42; // "SWLB"
  private static final int FORMAT_VERSION = 1;
  private static final int SEGMENT_HEADER = 8;
  /** magic, payload length, lowest position, highest position, CRC32C. */
  private static final int BLOCK_HEADER = 4 + 4 + 8 + 8 + 4;
  private static final long INDEX_EVERY_BYTES = 64 * 1024;

  private final Path directory;
  private final long segmentSize;
  /** Segments by their first lowest position; the last one is being written. */
  private final NavigableMap<Long, Segment> segments = new ConcurrentSkipListMap<>();
  private final Set<CommitListener> commitListeners = new CopyOnWriteArraySet<>();

  private Segment current;
  private long nextSequence;
  private long blockIndex;
  private volatile long lastPosition = -1;
  private volatile boolean closed;
  private volatile IOException failure;
  private final ArrayDeque<Written> unforced = new ArrayDeque<>();
  private final Thread flusher;

  private SegmentedLog(Path directory, long segmentSize) {
    this.directory = directory;
    this.segmentSize = segmentSize;
    this.flusher = Thread.ofPlatform().name("seawall-engine-log-flusher").daemon().unstarted(this::flushUntilClosed);
  }

  static SegmentedLog open(Path directory, long segmentSizeBytes) {
    SegmentedLog opened = new SegmentedLog(directory, segmentSizeBytes);
    try {
      Files.createDirectories(directory);
      opened.recover();
      opened.flusher.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot open the engine log in " + directory, e);
    }
    return opened;
  }

  private void recover() throws IOException {
    Path[] files;
    try (Stream<Path> listed = Files.list(directory)) {
      files = listed.filter(p -> p.getFileName().toString().matches("\\d{20}\\.log")).sorted().toArray(Path[]::new);
    }
    for (int i = 0; i < files.length; i++) {
      boolean newest = i == files.length - 1;
      Segment segment = Segment.scan(files[i], newest);
      blockIndex += segment.blocks;
      nextSequence = sequenceOf(files[i]) + 1;
      if (segment.firstPosition < 0) {
        segment.close();
        Files.delete(files[i]);
        continue;
      }
      segments.put(segment.firstPosition, segment);
      lastPosition = segment.lastPosition;
    }
    current = segments.isEmpty() ? null : segments.lastEntry().getValue();
    segments.values().stream().filter(s -> s != current).forEach(s -> s.finalEnd = s.end);
  }

  @Override
  public LogStorageReader newReader() {
    return new Reader();
  }

  /**
   * Writes the block and returns; the flusher forces it to disk together with whatever else was
   * appended meanwhile (group commit) and only then commits it, so the engine processes, and answers
   * callers about, nothing that a crash could still take back.
   */
  @Override
  public synchronized void append(
      long lowestPosition, long highestPosition, BufferWriter bufferWriter, AppendListener listener) {
    if (failure != null) {
      throw new UncheckedIOException("The engine log could not force earlier writes to disk", failure);
    }
    if (closed) {
      throw new IllegalStateException("The engine log is closed");
    }
    int length = bufferWriter.getLength();
    ByteBuffer block = ByteBuffer.allocate(BLOCK_HEADER + length).order(ByteOrder.LITTLE_ENDIAN);
    bufferWriter.write(new UnsafeBuffer(block), BLOCK_HEADER);
    block.putInt(0, BLOCK_MAGIC)
        .putInt(4, length)
        .putLong(8, lowestPosition)
        .putLong(16, highestPosition)
        .putInt(24, checksumOf(block.array(), length));
    long offset;
    try {
      if (current == null || (current.written > SEGMENT_HEADER && current.written + block.capacity() > segmentSize)) {
        roll(lowestPosition);
      }
      offset = current.write(block);
    } catch (IOException e) {
      throw new UncheckedIOException("The engine log could not write block " + lowestPosition + " to disk", e);
    }
    long index = ++blockIndex;
    listener.onWrite(index, highestPosition);
    unforced.add(new Written(index, lowestPosition, highestPosition, offset, block.capacity(), current, listener));
    notifyAll();
  }

  private void flushUntilClosed() {
    while (true) {
      List<Written> batch;
      synchronized (this) {
        while (unforced.isEmpty() && !closed) {
          try {
            wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
          }
        }
        if (unforced.isEmpty()) {
          return;
        }
        batch = new ArrayList<>(unforced);
        unforced.clear();
      }
      try {
        for (Segment segment : batch.stream().map(Written::segment).distinct().toList()) {
          segment.force();
        }
      } catch (IOException e) {
        failure = e;
        log.error("The engine log cannot force its writes to disk; the engine stops taking commands", e);
        return;
      }
      for (Written written : batch) {
        written.segment.commit(written.offset, written.lowest, written.highest, written.length);
        lastPosition = written.highest;
        written.listener.onCommit(written.index, written.highest);
      }
      commitListeners.forEach(CommitListener::onCommit);
    }
  }

  private interface ChannelWork<T> {
    T on(FileChannel channel) throws IOException;
  }

  private record Written(
      long index, long lowest, long highest, long offset, int length, Segment segment, AppendListener listener) {}

  /** CRC32C over the block's positions and payload. */
  private static int checksumOf(byte[] block, int payloadLength) {
    CRC32C checksum = new CRC32C();
    checksum.update(block, 8, 16);
    checksum.update(block, BLOCK_HEADER, payloadLength);
    return (int) checksum.getValue();
  }

  private void roll(long firstPosition) throws IOException {
    Path file = directory.resolve(String.format("%020d.log", nextSequence++));
    Segment created = Segment.create(file, firstPosition);
    if (current != null) {
      current.finalEnd = current.written;
    }
    segments.put(firstPosition, created);
    current = created;
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    }
  }

  @Override
  public void addCommitListener(CommitListener listener) {
    commitListeners.add(listener);
  }

  @Override
  public void removeCommitListener(CommitListener listener) {
    commitListeners.remove(listener);
  }

  long lastPosition() {
    return lastPosition;
  }

  long firstPosition() {
    return segments.isEmpty() ? -1 : segments.firstKey();
  }

  /** Deletes segments holding only positions below {@code position}; the newest always stays. */
  synchronized void deleteUntil(long position) {
    for (Map.Entry<Long, Segment> entry : segments.entrySet()) {
      Map.Entry<Long, Segment> next = segments.higherEntry(entry.getKey());
      if (next == null || next.getKey() > position) {
        return;
      }
      segments.remove(entry.getKey());
      entry.getValue().delete();
    }
  }

  long sizeOnDisk() {
    return segments.values().stream().mapToLong(s -> s.end).sum();
  }

  int segmentCount() {
    return segments.size();
  }

  int indexEntries() {
    return segments.values().stream().mapToInt(s -> s.index.size()).sum();
  }

  /** Commits what was appended, then closes the files; appends after this fail. */
  @Override
  public void close() {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    try {
      flusher.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    segments.values().forEach(Segment::close);
  }

  private static long sequenceOf(Path file) {
    String name = file.getFileName().toString();
    return Long.parseLong(name.substring(0, name.indexOf('.')));
  }

  /**
   * One segment file: its channel, its committed end and a sparse index of block offsets. A thread
   * interrupted in the middle of file I/O closes a {@link FileChannel} for every thread (a test's
   * poll timing out, a gRPC call cancelled), so all I/O goes through {@link #io}, which opens the
   * file again and carries on; only the interrupted thread sees its interruption.
   */
  private static final class Segment {

    final Path file;
    private volatile FileChannel channel;
    private volatile boolean retired;
    /** Lowest position of an indexed block, to its byte offset. */
    final NavigableMap<Long, Long> index = new ConcurrentSkipListMap<>();
    /** End of the blocks forced to disk: readers never go past it. */
    volatile long end;
    /** End of the blocks written, forced or not; only the appending thread uses it. */
    long written;
    /**
     * Where the segment ends once a newer one was started, -1 before. Blocks up to it may still
     * await their force, so a reader moves on only once it has read up to here.
     */
    volatile long finalEnd = -1;
    long firstPosition = -1;
    long lastPosition = -1;
    long blocks;
    private long lastIndexedOffset = -INDEX_EVERY_BYTES;

    private Segment(Path file, FileChannel channel) {
      this.file = file;
      this.channel = channel;
    }

    static Segment create(Path file, long firstPosition) throws IOException {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
      ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER).order(ByteOrder.LITTLE_ENDIAN)
          .putInt(SEGMENT_MAGIC).putInt(FORMAT_VERSION).flip();
      channel.write(header, 0);
      channel.force(true);
      Segment segment = new Segment(file, channel);
      segment.firstPosition = firstPosition;
      segment.end = SEGMENT_HEADER;
      segment.written = SEGMENT_HEADER;
      return segment;
    }

    /**
     * Reads every block of the file, checking its checksum. In the newest segment the first bad block
     * is where a crash tore a write: the file is cut there. Anywhere else it is corruption.
     */
    static Segment scan(Path file, boolean newest) throws IOException {
      FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      Segment segment = new Segment(file, channel);
      long size = channel.size();
      if (size < SEGMENT_HEADER || !segment.hasHeader()) {
        if (!newest) {
          channel.close();
          throw new IllegalStateException("Engine log segment " + file + " has no valid header");
        }
        // A crash right after the file was created: an empty segment, dropped by the caller.
        cut(file, channel, 0, size);
        return segment;
      }
      long offset = SEGMENT_HEADER;
      ByteBuffer header = ByteBuffer.allocate(BLOCK_HEADER).order(ByteOrder.LITTLE_ENDIAN);
      while (offset < size) {
        BlockHeader block = BlockHeader.read(segment, offset, size, header);
        boolean valid = block != null && offset + BLOCK_HEADER + block.length <= size
            && block.checksumMatches(segment, offset);
        if (!valid) {
          if (!newest) {
            channel.close();
            throw new IllegalStateException("Engine log segment " + file + " is corrupt at byte " + offset);
          }
          cut(file, channel, offset, size);
          break;
        }
        segment.indexBlock(offset, block.lowest, block.highest);
        offset += BLOCK_HEADER + block.length;
      }
      segment.end = Math.min(offset, channel.size());
      segment.written = segment.end;
      return segment;
    }

    private static void cut(Path file, FileChannel channel, long at, long size) throws IOException {
      channel.truncate(at);
      channel.force(true);
      log.warn("Engine log: cut {} bytes of a write torn by a crash from the end of {}", size - at, file);
    }

    private boolean hasHeader() throws IOException {
      ByteBuffer header = ByteBuffer.allocate(SEGMENT_HEADER).order(ByteOrder.LITTLE_ENDIAN);
      channel.read(header, 0);
      return header.getInt(0) == SEGMENT_MAGIC && header.getInt(4) == FORMAT_VERSION;
    }

    /** Writes the block after the last one written and answers its offset; not yet forced. */
    long write(ByteBuffer block) throws IOException {
      long offset = written;
      block.rewind();
      io(ch -> {
        while (block.hasRemaining()) {
          ch.write(block, offset + block.position());
        }
        return null;
      });
      written = offset + block.capacity();
      return offset;
    }

    void force() throws IOException {
      io(ch -> {
        ch.force(false);
        return null;
      });
    }

    /** Fills the buffer from {@code position}; false if the file ends first. */
    boolean readFully(ByteBuffer buffer, long position) throws IOException {
      return io(ch -> {
        while (buffer.hasRemaining()) {
          if (ch.read(buffer, position + buffer.position()) < 0) {
            return false;
          }
        }
        return true;
      });
    }

    private <T> T io(ChannelWork<T> work) throws IOException {
      while (true) {
        FileChannel used = channel;
        try {
          return work.on(used);
        } catch (ClosedByInterruptException interrupted) {
          reopen(used);
          throw interrupted;
        } catch (ClosedChannelException closed) {
          if (retired) {
            throw closed;
          }
          reopen(used);
        }
      }
    }

    private synchronized void reopen(FileChannel closed) throws IOException {
      if (!retired && channel == closed && !closed.isOpen()) {
        channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
      }
    }

    /** Makes a forced block visible to readers. */
    void commit(long offset, long lowest, long highest, int blockLength) {
      indexBlock(offset, lowest, highest);
      end = offset + blockLength;
    }

    private void indexBlock(long offset, long lowest, long highest) {
      if (firstPosition < 0) {
        firstPosition = lowest;
      }
      if (offset - lastIndexedOffset >= INDEX_EVERY_BYTES) {
        index.put(lowest, offset);
        lastIndexedOffset = offset;
      }
      lastPosition = highest;
      blocks++;
    }

    /** The offset of the block holding {@code position}, or of the last block before it. */
    long offsetOf(long position) throws IOException {
      Map.Entry<Long, Long> floor = index.floorEntry(position);
      long offset = floor == null ? SEGMENT_HEADER : floor.getValue();
      long committed = end;
      long found = offset;
      ByteBuffer header = ByteBuffer.allocate(BLOCK_HEADER).order(ByteOrder.LITTLE_ENDIAN);
      while (offset < committed) {
        BlockHeader block = BlockHeader.read(this, offset, committed, header);
        if (block == null || block.lowest > position) {
          break;
        }
        found = offset;
        if (block.highest >= position) {
          break;
        }
        offset += BLOCK_HEADER + block.length;
      }
      return found;
    }

    void delete() {
      close();
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        log.warn("Engine log: could not delete the snapshotted segment {}", file, e);
      }
    }

    void close() {
      retired = true;
      try {
        channel.close();
      } catch (IOException e) {
        log.warn("Engine log: could not close {}", file, e);
      }
    }
  }

  private record BlockHeader(int length, long lowest, long highest, int crc) {

    static BlockHeader read(Segment segment, long offset, long limit, ByteBuffer buffer) throws IOException {
      if (offset + BLOCK_HEADER > limit) {
        return null;
      }
      buffer.clear();
      if (!segment.readFully(buffer, offset)) {
        return null;
      }
      if (buffer.getInt(0) != BLOCK_MAGIC || buffer.getInt(4) < 0) {
        return null;
      }
      return new BlockHeader(buffer.getInt(4), buffer.getLong(8), buffer.getLong(16), buffer.getInt(24));
    }

    boolean checksumMatches(Segment segment, long offset) throws IOException {
      ByteBuffer block = ByteBuffer.allocate(BLOCK_HEADER + length);
      return segment.readFully(block, offset) && checksumOf(block.array(), length) == crc;
    }
  }

  /** Reads blocks in order across segments; sees blocks appended after it reached the end. */
  private final class Reader implements LogStorageReader {

    private Segment segment;
    private long offset = -1;
    private final ByteBuffer header = ByteBuffer.allocate(BLOCK_HEADER).order(ByteOrder.LITTLE_ENDIAN);

    @Override
    public void seek(long position) {
      Map.Entry<Long, Segment> entry = position < 0 ? segments.firstEntry() : segments.floorEntry(position);
      if (entry == null) {
        entry = segments.firstEntry();
      }
      if (entry == null) {
        segment = null;
        offset = -1;
        return;
      }
      segment = entry.getValue();
      try {
        offset = position < 0 ? SEGMENT_HEADER : segment.offsetOf(position);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the engine log segment " + segment.file, e);
      }
    }

    @Override
    public boolean hasNext() {
      if (segment == null) {
        seek(-1);
        if (segment == null) {
          return false;
        }
      }
      if (offset < segment.end) {
        return true;
      }
      if (segment.finalEnd < 0 || offset < segment.finalEnd) {
        return false;
      }
      Map.Entry<Long, Segment> next = segments.higherEntry(segment.firstPosition);
      if (next == null || next.getValue() == segment) {
        return false;
      }
      segment = next.getValue();
      offset = SEGMENT_HEADER;
      return offset < segment.end;
    }

    @Override
    public DirectBuffer next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      try {
        BlockHeader block = BlockHeader.read(segment, offset, segment.end, header);
        ByteBuffer payload = block == null ? null : ByteBuffer.allocate(block.length);
        if (block == null || !segment.readFully(payload, offset + BLOCK_HEADER)) {
          throw new IllegalStateException("Engine log segment " + segment.file + " is unreadable at byte " + offset);
        }
        offset += BLOCK_HEADER + block.length;
        return new UnsafeBuffer(payload.array());
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read the engine log segment " + segment.file, e);
      }
    }

    @Override
    public void close() {
      segment = null;
    }
  }
}
