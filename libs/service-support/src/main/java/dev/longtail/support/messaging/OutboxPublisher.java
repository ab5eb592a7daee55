package dev.longtail.support.messaging;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.jboss.logging.Logger;

/**
 * Publishes what a committed transaction wrote and marks it published once the broker acknowledged it, so that a
 * database write and the event announcing it cannot diverge: anything a crash or a broker outage left unpublished
 * stays marked so, and the owner's sweep calls {@link #publish} for it again. One entry is never sent by two callers
 * of this instance at once (the sweep and a consumer, say).
 */
public final class OutboxPublisher {

    /** What one call to {@link #publish} did. */
    public enum Outcome {
        /** The record went out and is marked published. */
        SENT,
        /** Nothing was pending: published already, or the row is gone. */
        NOTHING_PENDING,
        /** Another caller of this instance is sending it right now. */
        IN_FLIGHT,
        /** It could not be sent or marked now; it stays pending for the sweep. */
        FAILED
    }

    /** A record to send: its Kafka key (the campaign id) and its JSON payload. */
    public record PendingRecord(String key, String payload) {
    }

    private static final Logger LOG = Logger.getLogger(OutboxPublisher.class);

    private final Emitter<String> channel;
    private final Duration ackTimeout;
    private final Set<String> inFlight = ConcurrentHashMap.newKeySet();

    public OutboxPublisher(Emitter<String> channel, Duration ackTimeout) {
        this.channel = channel;
        this.ackTimeout = ackTimeout;
    }

    /**
     * Sends entry's record unless it is published already. {@code pending} and {@code markPublished} each run in a
     * transaction of their own: pending reads the row and builds its record (empty once published), markPublished
     * stamps the row after the broker acknowledged. Failures are logged and left to the sweep.
     */
    public Outcome publish(String entry, Supplier<Optional<PendingRecord>> pending, Runnable markPublished) {
        if (!inFlight.add(entry)) {
            return Outcome.IN_FLIGHT;
        }
        try {
            Optional<PendingRecord> record = QuarkusTransaction.requiringNew().call(pending::get);
            if (record.isEmpty()) {
                return Outcome.NOTHING_PENDING;
            }
            KeyedSender.sendAndAwait(channel, record.get().key(), record.get().payload(), ackTimeout);
            QuarkusTransaction.requiringNew().run(markPublished);
            LOG.debugf("published %s", entry);
            return Outcome.SENT;
        } catch (RuntimeException e) {
            LOG.warnf(e, "%s not published yet; the sweep will retry", entry);
            return Outcome.FAILED;
        } finally {
            inFlight.remove(entry);
        }
    }
}
