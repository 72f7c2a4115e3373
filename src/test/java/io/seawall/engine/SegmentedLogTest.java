package io.seawall.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.camunda.zeebe.logstreams.storage.LogStorage.AppendListener;
import io.camunda.zeebe.logstreams.storage.LogStorageReader;
import io.camunda.zeebe.util.buffer.DirectBufferWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine's log on disk: what was acknowledged is there after a restart, what a crash tore is not. */
class SegmentedLogTest {

  @TempDir Path directory;

  @Test
  void acknowledgedBlocksAreReadBackAfterReopening() throws Exception {
    try (SegmentedLog log = SegmentedLog.open(directory, 1 << 20)) {
      for (int position = 1; position <= 30; position += 3) {
        appendAndAwait(log, position, position + 2, "block " + position);
      }
    }

    try (SegmentedLog log = SegmentedLog.open(directory, 1 << 20)) {
      assertThat(log.firstPosition()).isEqualTo(1);
      assertThat(log.lastPosition()).isEqualTo(30);
      assertThat(readAll(log)).hasSize(10).startsWith("block 1").endsWith("block 28");
    }
  }

  @Test
  void aWriteTornByACrashIsCutOffAndAppendingContinues() throws Exception {
    try (SegmentedLog log = SegmentedLog.open(directory, 1 << 20)) {
      appendAndAwait(log, 1, 1, "case opened");
      appendAndAwait(log, 2, 2, "refund issued");
    }
    Path segment = onlySegment();
    long intact = Files.size(segment);
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
      file.setLength(intact - 3);
    }

    try (SegmentedLog log = SegmentedLog.open(directory, 1 << 20)) {
      assertThat(readAll(log)).containsExactly("case opened");
      assertThat(log.lastPosition()).isEqualTo(1);
      appendAndAwait(log, 2, 2, "refund issued again");
      assertThat(readAll(log)).containsExactly("case opened", "refund issued again");
    }
  }

  @Test
  void aBlockWithABadChecksumAtTheEndIsCutOff() throws Exception {
    try (SegmentedLog log = SegmentedLog.open(directory, 1 << 20)) {
      appendAndAwait(log, 1, 1, "case opened");
      appendAndAwait(log, 2, 2, "refund issued");
    }
    Path segment = onlySegment();
    try (RandomAccessFile file = new RandomAccessFile(segment.toFile(), "rw")) {
      file.seek(file.length() - 1);
      file.write('X');
    }

    try (SegmentedLog log = SegmentedLog.open(directory, 1 << 20)) {
      assertThat(readAll(log)).containsExactly("case opened");
    }
  }

  @Test
  void damageInAnOlderSegmentStopsTheStartNamingFileAndOffset() throws Exception {
    try (SegmentedLog log = SegmentedLog.open(directory, 200)) {
      for (int position = 1; position <= 6; position++) {
        appendAndAwait(log, position, position, "a block of about one hundred bytes ".repeat(3));
      }
      assertThat(log.segmentCount()).isGreaterThan(2);
    }
    Path oldest = segments().getFirst();
    try (RandomAccessFile file = new RandomAccessFile(oldest.toFile(), "rw")) {
      file.seek(40);
      file.write('X');
    }

    assertThatThrownBy(() -> SegmentedLog.open(directory, 200))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(oldest.getFileName().toString())
        .hasMessageContaining("byte 8");
  }

  @Test
  void seekFindsTheBlockHoldingAPositionOrTheOneBefore() throws Exception {
    try (SegmentedLog log = SegmentedLog.open(directory, 300)) {
      appendAndAwait(log, 1, 4, "1-4");
      appendAndAwait(log, 5, 9, "5-9");
      appendAndAwait(log, 10, 10, "10");
      appendAndAwait(log, 20, 25, "20-25");

      assertThat(firstAfterSeek(log, 7)).isEqualTo("5-9");
      assertThat(firstAfterSeek(log, 10)).isEqualTo("10");
      assertThat(firstAfterSeek(log, 15)).isEqualTo("10");
      assertThat(firstAfterSeek(log, -1)).isEqualTo("1-4");
      assertThat(firstAfterSeek(log, 0)).isEqualTo("1-4");
      assertThat(firstAfterSeek(log, 99)).isEqualTo("20-25");
    }
  }

  @Test
  void aReaderAtTheEndSeesBlocksAppendedLater() throws Exception {
    try (SegmentedLog log = SegmentedLog.open(directory, 1 << 20)) {
      appendAndAwait(log, 1, 1, "case opened");
      LogStorageReader reader = log.newReader();
      reader.seek(1);
      assertThat(text(reader.next())).isEqualTo("case opened");
      assertThat(reader.hasNext()).isFalse();

      appendAndAwait(log, 2, 2, "buyer wrote");

      assertThat(reader.hasNext()).isTrue();
      assertThat(text(reader.next())).isEqualTo("buyer wrote");
    }
  }

  @Test
  void aReaderInterruptedMidReadDoesNotBreakTheLogForAnyoneElse() throws Exception {
    try (SegmentedLog log = SegmentedLog.open(directory, 1 << 20)) {
      appendAndAwait(log, 1, 1, "case opened");
      AtomicReference<Throwable> seenByTheInterrupted = new AtomicReference<>();
      Thread impatient = new Thread(() -> {
        Thread.currentThread().interrupt();
        try {
          LogStorageReader reader = log.newReader();
          reader.seek(1);
          reader.next();
        } catch (RuntimeException e) {
          seenByTheInterrupted.set(e);
        }
      });
      impatient.start();
      impatient.join();
      assertThat(seenByTheInterrupted.get()).isInstanceOf(UncheckedIOException.class);

      appendAndAwait(log, 2, 2, "buyer wrote");
      assertThat(readAll(log)).containsExactly("case opened", "buyer wrote");
    }
    try (SegmentedLog reopened = SegmentedLog.open(directory, 1 << 20)) {
      assertThat(readAll(reopened)).containsExactly("case opened", "buyer wrote");
    }
  }

  @Test
  void aReaderFollowingTheWriterAcrossManySmallSegmentsMissesNoBlock() throws Exception {
    try (SegmentedLog log = SegmentedLog.open(directory, 1024)) {
      int blocks = 3000;
      List<String> read = new ArrayList<>();
      Thread follower = new Thread(() -> {
        LogStorageReader reader = log.newReader();
        reader.seek(-1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (read.size() < blocks && System.nanoTime() < deadline) {
          while (reader.hasNext()) {
            read.add(text(reader.next()));
          }
          Thread.onSpinWait();
        }
      });
      follower.start();
      for (int position = 1; position <= blocks; position++) {
        log.append(position, position, writer("block " + position + " " + "x".repeat(200)), new AppendListener() {});
      }
      follower.join();

      assertThat(read).hasSize(blocks);
      for (int i = 0; i < blocks; i++) {
        assertThat(read.get(i)).startsWith("block " + (i + 1) + " ");
      }
    }
  }

  @Test
  void segmentsRollOverAndThoseBelowASnapshotAreDeleted() throws Exception {
    try (SegmentedLog log = SegmentedLog.open(directory, 256)) {
      for (int position = 1; position <= 20; position++) {
        appendAndAwait(log, position, position, "step %02d of a case, padded to fill a segment".formatted(position));
      }
      int before = log.segmentCount();
      assertThat(before).isGreaterThan(3);

      log.deleteUntil(15);

      assertThat(log.segmentCount()).isLessThan(before);
      assertThat(log.firstPosition()).isLessThanOrEqualTo(15);
      LogStorageReader reader = log.newReader();
      reader.seek(15);
      assertThat(text(reader.next())).startsWith("step 15");
    }
    try (SegmentedLog reopened = SegmentedLog.open(directory, 256)) {
      assertThat(reopened.lastPosition()).isEqualTo(20);
      assertThat(readAll(reopened).getLast()).startsWith("step 20");
    }
  }

  @Test
  void theIndexStaysSmallWhileTheLogGrows() throws Exception {
    try (SegmentedLog log = SegmentedLog.open(directory, 64L << 20)) {
      String payload = "x".repeat(1000);
      for (int position = 1; position <= 20_000; position++) {
        log.append(position, position, writer(payload), new AppendListener() {});
      }
      await().atMost(Duration.ofSeconds(60)).until(() -> log.lastPosition() == 20_000);

      assertThat(log.indexEntries()).isLessThan(20_000 / 50);
      LogStorageReader reader = log.newReader();
      reader.seek(12_345);
      assertThat(reader.next().capacity()).isEqualTo(1000);
    }
  }

  private static void appendAndAwait(SegmentedLog log, long lowest, long highest, String payload) throws InterruptedException {
    CountDownLatch committed = new CountDownLatch(1);
    log.append(lowest, highest, writer(payload), new AppendListener() {
      @Override
      public void onCommit(long index, long highestPosition) {
        committed.countDown();
      }
    });
    assertThat(committed.await(10, TimeUnit.SECONDS)).as("committed").isTrue();
  }

  private static DirectBufferWriter writer(String payload) {
    return new DirectBufferWriter().wrap(new UnsafeBuffer(payload.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> readAll(SegmentedLog log) {
    List<String> blocks = new ArrayList<>();
    LogStorageReader reader = log.newReader();
    reader.seek(-1);
    while (reader.hasNext()) {
      blocks.add(text(reader.next()));
    }
    return blocks;
  }

  private static String firstAfterSeek(SegmentedLog log, long position) {
    LogStorageReader reader = log.newReader();
    reader.seek(position);
    return text(reader.next());
  }

  private static String text(DirectBuffer block) {
    return block.getStringWithoutLengthUtf8(0, block.capacity());
  }

  private Path onlySegment() throws IOException {
    List<Path> all = segments();
    assertThat(all).hasSize(1);
    return all.getFirst();
  }

  private List<Path> segments() throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.sorted().toList();
    }
  }
}
