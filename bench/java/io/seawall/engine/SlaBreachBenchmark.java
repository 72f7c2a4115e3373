package io.seawall.engine;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.worker.JobWorker;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.util.FileSystemUtils;
import org.springframework.util.unit.DataSize;

/**
 * How late SLA breaches are detected with many clocks open on the embedded engine. Every clock is a
 * tracked step shaped as in the models (a wait for the carrier whose start listener hands the
 * step its slaWarnAt/slaDueAt, two non-interrupting boundary timers on those dates, a breach job
 * behind the due-date timer). Most clocks are due far ahead and stay open; the measured ones fall
 * due spread over a window, and the breach job's worker notes how long after the due date it got
 * the job. Run it with bench/sla-bench.sh [open clocks] [breaching] [window seconds]; it prints
 * figures and asserts nothing.
 */
final class SlaBreachBenchmark {

  static final BpmnModelInstance TRACKED_WAIT = Bpmn.createExecutableProcess("sla-bench")
      .startEvent()
      .receiveTask("await-carrier-scan")
      .message(m -> m.name("bench.carrier-scanned").zeebeCorrelationKeyExpression("caseId"))
      .zeebeStartExecutionListener("bench.sla-clock-start")
      .endEvent()
      .moveToActivity("await-carrier-scan")
      .boundaryEvent("sla-warning", b -> b.cancelActivity(false).timerWithDateExpression("slaWarnAt"))
      .endEvent()
      .moveToActivity("await-carrier-scan")
      .boundaryEvent("sla-breached", b -> b.cancelActivity(false).timerWithDateExpression("slaDueAt"))
      .serviceTask("record-breach", t -> t.zeebeJobType("bench.sla-breach"))
      .endEvent()
      .done();

  public static void main(String[] args) throws Exception {
    int open = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int breaching = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    Duration window = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 100);
    Path root = Files.createTempDirectory("seawall-sla-bench");
    System.out.printf("SLA breach detection benchmark: %d cores, max heap %d MB; %,d open clocks, %,d of them falling due over %d s%n",
        Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20, open, breaching,
        window.toSeconds());

    EmbeddedEngine engine = new EmbeddedEngine(new EngineSettings(
        root, "127.0.0.1", freePort(), 0, false, Duration.ofHours(1), DataSize.ofMegabytes(64)));
    engine.start();
    ConcurrentLinkedQueue<Long> latenessMillis = new ConcurrentLinkedQueue<>();
    try (CamundaClient client = CamundaClient.newClientBuilder()
        .applyEnvironmentVariableOverrides(false)
        .grpcAddress(URI.create("http://127.0.0.1:" + engine.port()))
        .restAddress(URI.create("http://127.0.0.1:" + engine.restPort()))
        .preferRestOverGrpc(false)
        .build()) {
      client.newDeployResourceCommand().addProcessModel(TRACKED_WAIT, "sla-bench.bpmn").send().join();
      // As Seawall's workers: the start listener answers the dates, the breach job notes its lateness.
      List<JobWorker> workers = List.of(
          client.newWorker().jobType("bench.sla-clock-start")
              .handler((jobs, job) -> {
                Instant due = Instant.parse((String) job.getVariablesAsMap().get("due"));
                jobs.newCompleteCommand(job).variables(Map.of(
                    "slaWarnAt", due.plus(Duration.ofDays(30)).toString(), "slaDueAt", due.toString())).send().join();
              })
              .maxJobsActive(32).open(),
          client.newWorker().jobType("bench.sla-breach")
              .handler((jobs, job) -> {
                Instant due = Instant.parse((String) job.getVariablesAsMap().get("due"));
                latenessMillis.add(Duration.between(due, Instant.now()).toMillis());
                jobs.newCompleteCommand(job).send().join();
              })
              .maxJobsActive(32).open());

      long began = System.nanoTime();
      Instant farAhead = Instant.now().plus(Duration.ofDays(7));
      create(client, open - breaching, i -> farAhead.plusSeconds(i));
      Instant firstDue = Instant.now().plus(Duration.ofSeconds(10 + breaching / 100));
      long step = window.toNanos() / Math.max(1, breaching);
      create(client, breaching, i -> firstDue.plusNanos(i * step));
      System.out.printf("%,d clocks opened in %.1f s; the first measured one falls due at %s%n",
          open, (System.nanoTime() - began) / 1e9, firstDue);

      Instant deadline = firstDue.plus(window).plus(Duration.ofMinutes(2));
      while (latenessMillis.size() < breaching && Instant.now().isBefore(deadline)) {
        Thread.sleep(500);
      }
      workers.forEach(JobWorker::close);
    } finally {
      engine.stop();
      FileSystemUtils.deleteRecursively(root);
    }
    List<Long> sorted = new ArrayList<>(latenessMillis);
    Collections.sort(sorted);
    if (sorted.isEmpty()) {
      System.out.println("No breach was detected");
      return;
    }
    System.out.printf("breaches detected: %,d of %,d; lateness after the due date: p50 %d ms, p90 %d ms, p99 %d ms, max %d ms%n",
        sorted.size(), breaching, percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99),
        sorted.getLast());
  }

  private interface DueDates {
    Instant of(long i);
  }

  /** Opens clocks with a bounded number of creations in flight, as a busy shop would. */
  private static void create(CamundaClient client, int count, DueDates due) throws InterruptedException {
    Semaphore inFlight = new Semaphore(64);
    AtomicLong failures = new AtomicLong();
    for (int i = 0; i < count; i++) {
      inFlight.acquire();
      client.newCreateInstanceCommand().bpmnProcessId("sla-bench").latestVersion()
          .variables(Map.of("caseId", "bench-" + i + "-" + System.nanoTime(), "due", due.of(i).toString()))
          .send()
          .whenComplete((created, error) -> {
            if (error != null) {
              failures.incrementAndGet();
            }
            inFlight.release();
          });
    }
    inFlight.acquire(64);
    if (failures.get() > 0) {
      System.out.printf("  %d clocks failed to open%n", failures.get());
    }
  }

  /** Nearest-rank percentile. */
  private static long percentile(List<Long> sorted, double share) {
    return sorted.get(Math.max(0, (int) Math.ceil(share * sorted.size()) - 1));
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
