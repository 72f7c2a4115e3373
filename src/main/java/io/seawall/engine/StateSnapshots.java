package io.seawall.engine;

import io.camunda.zeebe.db.ZeebeDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies of the engine's state (RocksDB checkpoints), each named by the log position up to which
 * it had processed everything. Start-up restores the newest and replays only the log after it,
 * which keeps start-up time bounded and lets the log be cut below the older kept snapshot.
 */
final class StateSnapshots {

  private static final Logger log = LoggerFactory.getLogger(StateSnapshots.class);
  private static final String PENDING = ".pending";
  private static final int KEPT = 2;

  private final Path directory;

  StateSnapshots(Path directory) {
    this.directory = directory;
    try {
      Files.createDirectories(directory);
      try (Stream<Path> entries = Files.list(directory)) {
        for (Path pending : entries.filter(p -> p.getFileName().toString().endsWith(PENDING)).toList()) {
          deleteTree(pending);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the engine's snapshot directory " + directory, e);
    }
  }

  /** Complete snapshots, newest first. */
  List<Snapshot> all() {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries
          .filter(Files::isDirectory)
          .filter(p -> p.getFileName().toString().matches("\\d+"))
          .map(p -> new Snapshot(Long.parseLong(p.getFileName().toString()), p))
          .sorted(Comparator.comparingLong(Snapshot::position).reversed())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the engine's snapshots in " + directory, e);
    }
  }

  Optional<Snapshot> newest() {
    return all().stream().findFirst();
  }

  /** Replaces {@code runtime} with a copy of the snapshot, or with nothing. */
  void restore(Optional<Snapshot> snapshot, Path runtime) {
    try {
      deleteTree(runtime);
      if (snapshot.isEmpty()) {
        return;
      }
      Files.createDirectories(runtime);
      try (Stream<Path> files = Files.list(snapshot.get().directory())) {
        for (Path file : files.toList()) {
          Files.copy(file, runtime.resolve(file.getFileName()));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot restore the engine's state into " + runtime, e);
    }
  }

  /**
   * Takes a snapshot holding at least everything processed up to {@code processedPosition}. It
   * becomes visible only once the log holds every record the state reflects ({@code
   * writtenPosition} read after the checkpoint, waited for with {@code durablePosition}), so a crash
   * can never leave state ahead of its log.
   */
  Optional<Snapshot> take(
      ZeebeDb<?> db,
      long processedPosition,
      LongSupplier writtenPosition,
      LongSupplier durablePosition) {
    if (processedPosition <= newest().map(Snapshot::position).orElse(-1L)) {
      return Optional.empty();
    }
    Path pending = directory.resolve(processedPosition + PENDING);
    Path complete = directory.resolve(Long.toString(processedPosition));
    try {
      db.createSnapshot(pending.toFile());
      long written = writtenPosition.getAsLong();
      long deadline = System.nanoTime() + 30_000_000_000L;
      while (durablePosition.getAsLong() < written) {
        if (System.nanoTime() > deadline) {
          deleteTree(pending);
          log.warn("Engine snapshot at {} abandoned: the log did not reach {}", processedPosition, written);
          return Optional.empty();
        }
        Thread.sleep(5);
      }
      Files.move(pending, complete, StandardCopyOption.ATOMIC_MOVE);
      forceDirectory();
      prune();
      return Optional.of(new Snapshot(processedPosition, complete));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the engine snapshot " + complete, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** The position below which no kept snapshot needs the log any more. */
  long oldestKeptPosition() {
    List<Snapshot> snapshots = all();
    return snapshots.isEmpty() ? -1 : snapshots.getLast().position();
  }

  private void prune() throws IOException {
    List<Snapshot> snapshots = all();
    for (Snapshot old : snapshots.subList(Math.min(KEPT, snapshots.size()), snapshots.size())) {
      deleteTree(old.directory());
    }
  }

  private void forceDirectory() throws IOException {
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true);
    }
  }

  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  record Snapshot(long position, Path directory) {}
}
