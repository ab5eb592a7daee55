package dev.longtail.generator.jobs;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.longtail.generator.GeneratorConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Deletes finished generation jobs, with their samples, once they are older than {@code jobs.retention}: their
 * results are meant to be fetched, not kept forever. Queued and running jobs are never touched.
 */
@ApplicationScoped
public class JobRetention {

    private static final Logger LOG = Logger.getLogger(JobRetention.class);
    private static final int BATCH = 500;

    private final JobStore store;
    private final GeneratorConfig config;

    public JobRetention(JobStore store, GeneratorConfig config) {
        this.store = store;
        this.config = config;
    }

    @Scheduled(every = "${longtail.generator.jobs.cleanup-every:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        purge();
    }

    /** Deletes every job that ended more than the retention ago; returns how many. */
    public int purge() {
        Instant cutoff = Instant.now().minus(config.jobs().retention());
        int deleted = 0;
        int batch;
        do {
            batch = store.deleteFinishedBefore(cutoff, BATCH);
            deleted += batch;
        } while (batch == BATCH);
        if (deleted > 0) {
            LOG.infof("Deleted %d generation jobs that ended before %s (retention %s)", deleted, cutoff,
                    config.jobs().retention());
        }
        return deleted;
    }
}
