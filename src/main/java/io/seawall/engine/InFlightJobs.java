package io.seawall.engine;

import io.camunda.zeebe.db.ZeebeDb;
import io.camunda.zeebe.engine.state.immutable.JobState;
import io.camunda.zeebe.engine.state.instance.DbJobState;
import io.camunda.zeebe.protocol.ZbColumnFamilies;
import io.camunda.zeebe.protocol.impl.record.value.job.JobRecord;
import io.camunda.zeebe.protocol.record.ValueType;
import io.camunda.zeebe.protocol.record.intent.JobIntent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.agrona.concurrent.UnsafeBuffer;

/**
 * Jobs a worker held when the previous run stopped. That worker died with the run, and on the
 * embedded engine Seawall's own workers are the only ones, so without this the engine would wait
 * out each job's timeout (five minutes by default) before anyone may take it again: a crash would
 * stall every step that was in flight. They are handed back at start, before any worker connects,
 * with Zeebe's own YIELD command, which keeps their retries and makes them activatable at once.
 */
final class InFlightJobs {

  private InFlightJobs() {}

  /**
   * Hands back every activated job and answers how many. The engine answers nobody for a YIELD, so
   * the count is read back from its state: jobs no longer activated within a few seconds.
   */
  static int handBack(ZeebeDb<ZbColumnFamilies> state, EngineCommands commands) {
    DbJobState jobs = new DbJobState(state, state.createContext());
    List<Long> activated = new ArrayList<>();
    jobs.forEachTimedOutEntry(Long.MAX_VALUE, null, (key, job) -> {
      activated.add(key);
      commands.send(key, ValueType.JOB, JobIntent.YIELD, copyOf(job)).cancel(false);
      return true;
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (activated.stream().anyMatch(key -> jobs.getState(key) == JobState.State.ACTIVATED)
        && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
    }
    // One not handed back in time is freed by its own timeout, only later.
    return (int) activated.stream().filter(key -> jobs.getState(key) != JobState.State.ACTIVATED).count();
  }

  /** The state hands out one record object it reuses for every entry; the log needs its own. */
  private static JobRecord copyOf(JobRecord job) {
    UnsafeBuffer bytes = new UnsafeBuffer(new byte[job.getLength()]);
    job.write(bytes, 0);
    JobRecord copy = new JobRecord();
    copy.wrap(bytes, 0, bytes.capacity());
    return copy;
  }
}
