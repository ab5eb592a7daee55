package dev.longtail.generator.jobs;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.longtail.generator.GeneratorConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes finished generation jobs, with their samples, once they are older than {@code jobs.retention}: their
 * results are meant to be fetched, not kept forever. Queued and running jobs are never touched.
 * <p>
 * Every transaction is bounded by rows, not by jobs: first the expired jobs' samples go, at most
 * {@value #SAMPLES_PER_TRANSACTION} per transaction, then the emptied jobs, at most {@value #JOBS_PER_TRANSACTION}
 * per transaction. (Deleting 500 jobs at once with their cascading samples could mean 5 million rows in one
 * transaction, longer than the transaction timeout, and then a cleanup that never progresses.)
 */
@ApplicationScoped
public class JobRetention {

    private static final Logger LOG = Logger.getLogger(JobRetention.class);
    static final int SAMPLES_PER_TRANSACTION = 10_000;
    static final int JOBS_PER_TRANSACTION = 500;

    private final JobStore store;
    private final GeneratorConfig config;

    public JobRetention(JobStore store, GeneratorConfig config) {
        this.store = store;
        this.config = config;
    }

    @Scheduled(every = "${longtail.generator.jobs.cleanup-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            // not once shutting down: the database goes away meanwhile
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        purge();
    }

    /** Deletes every job that ended more than the retention ago, and its samples; returns how many jobs. */
    public int purge() {
        return purge(SAMPLES_PER_TRANSACTION, JOBS_PER_TRANSACTION);
    }

    /** The same with other transaction sizes: at most that many samples, then that many jobs, per transaction. */
    public int purge(int samplesPerTransaction, int jobsPerTransaction) {
        Instant cutoff = Instant.now().minus(config.jobs().retention());
        long samples = 0;
        int batch;
        do {
            batch = store.deleteSamplesOfJobsFinishedBefore(cutoff, samplesPerTransaction);
            samples += batch;
        } while (batch == samplesPerTransaction);
        int deleted = 0;
        do {
            batch = store.deleteFinishedBefore(cutoff, jobsPerTransaction);
            deleted += batch;
        } while (batch == jobsPerTransaction);
        if (deleted > 0 || samples > 0) {
            LOG.infof("Deleted %d generation jobs and %d samples of jobs that ended before %s (retention %s)", deleted,
                    samples, cutoff, config.jobs().retention());
        }
        return deleted;
    }
}
