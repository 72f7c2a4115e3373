package io.seawall.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.springframework.util.unit.DataSize;

/**
 * Figures for the embedded engine on this machine: instances/s of a three-service-task process,
 * heap and log size as finished instances pile up, and start-up time with and without a snapshot.
 * Run it with bench/engine-bench.sh [instances...]; it prints its figures, it asserts nothing.
 */
final class EngineBenchmark {

  static final BpmnModelInstance THREE_STEPS = Bpmn.createExecutableProcess("three-steps")
      .startEvent()
      .serviceTask("check", t -> t.zeebeJobType("bench-check"))
      .serviceTask("refund", t -> t.zeebeJobType("bench-refund"))
      .serviceTask("notify", t -> t.zeebeJobType("bench-notify"))
      .endEvent()
      .done();

  public static void main(String[] args) throws Exception {
    List<Integer> checkpoints = new ArrayList<>();
    for (String arg : args) {
      checkpoints.add(Integer.parseInt(arg));
    }
    if (checkpoints.isEmpty()) {
      checkpoints = List.of(1_000, 10_000);
    }
    Path root = Files.createTempDirectory("seawall-engine-bench");
    System.out.printf("Embedded engine benchmark: %d cores, max heap %d MB, data in %s%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, root);

    Path live = root.resolve("live");
    EmbeddedEngine engine = start(live);
    try (CamundaClient client = client(engine)) {
      client.newDeployResourceCommand().addProcessModel(THREE_STEPS, "three-steps.bpmn").send().join();
      List<JobWorker> workers = Stream.of("bench-check", "bench-refund", "bench-notify")
          .map(type -> client.newWorker().jobType(type)
              .handler((jobs, job) -> jobs.newCompleteCommand(job).send().join())
              .maxJobsActive(64)
              .open())
          .toList();
      long finished = 0;
      for (int checkpoint : checkpoints) {
        long batch = checkpoint - finished;
        long began = System.nanoTime();
        runInstances(client, batch);
        double seconds = (System.nanoTime() - began) / 1e9;
        finished = checkpoint;
        System.out.printf("%,d instances finished: %.0f instances/s over the last %,d; heap after GC %d MB; log %d MB on disk (%.1f KB per instance)%n",
            finished, batch / seconds, batch, heapAfterGc() >> 20,
            engine.logSizeOnDisk() >> 20, engine.logSizeOnDisk() / 1024.0 / finished);
        measureStart(live, root.resolve("replay-" + checkpoint), finished);
      }
      workers.forEach(JobWorker::close);
    } finally {
      engine.stop();
      deleteTree(root);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  /** Drives instances through with results, keeping a bounded number in flight as a busy shop would. */
  private static void runInstances(CamundaClient client, long count) throws InterruptedException {
    Semaphore inFlight = new Semaphore(64);
    AtomicLong failures = new AtomicLong();
    for (long i = 0; i < count; i++) {
      inFlight.acquire();
      client.newCreateInstanceCommand().bpmnProcessId("three-steps").latestVersion()
          .withResult().requestTimeout(Duration.ofMinutes(2)).send()
          .whenComplete((result, error) -> {
            if (error != null) {
              failures.incrementAndGet();
            }
            inFlight.release();
          });
    }
    inFlight.acquire(64);
    if (failures.get() > 0) {
      System.out.printf("  %d instances failed%n", failures.get());
    }
  }

  /**
   * Copies the live log (every append is on disk when acknowledged) and starts engines on the copy:
   * once with no state at all (replaying the whole log), once after a snapshot (replaying nothing).
   */
  private static void measureStart(Path live, Path copy, long finished) throws IOException {
    copyTree(live.resolve("log"), copy.resolve("log"));
    long began = System.nanoTime();
    EmbeddedEngine replayed = start(copy);
    long fullReplay = (System.nanoTime() - began) / 1_000_000;
    replayed.snapshot();
    replayed.stop();
    began = System.nanoTime();
    EmbeddedEngine fromSnapshot = start(copy);
    long snapshotStart = (System.nanoTime() - began) / 1_000_000;
    fromSnapshot.stop();
    System.out.printf("  start-up with %,d finished instances: %,d ms replaying the whole log, %,d ms from a snapshot (log left after the cut: %d MB)%n",
        finished, fullReplay, snapshotStart, sizeOf(copy.resolve("log")) >> 20);
  }

  private static EmbeddedEngine start(Path directory) {
    EmbeddedEngine engine = new EmbeddedEngine(new EngineSettings(
        directory, "127.0.0.1", freePort(), 0, false, Duration.ofHours(1), DataSize.ofMegabytes(64)));
    engine.start();
    return engine;
  }

  private static CamundaClient client(EmbeddedEngine engine) {
    return CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .grpcAddress(URI.create("http://127.0.0.1:" + engine.port()))
        .restAddress(URI.create("http://127.0.0.1:" + engine.restPort()))
        .preferRestOverGrpc(false)
        .build();
  }

  private static long heapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  private static void copyTree(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(from)) {
      for (Path file : files.toList()) {
        Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  private static long sizeOf(Path directory) throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
