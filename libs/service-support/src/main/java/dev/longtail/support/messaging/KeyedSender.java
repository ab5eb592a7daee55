package dev.longtail.support.messaging;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Sends loop records keyed by campaign id (one campaign stays on one partition, in order) and tells when the
 * broker acknowledged them: a record counts as published only then.
 */
public final class KeyedSender {

    private KeyedSender() {
    }

    /** Sends one record; the future completes when the broker acknowledges it, exceptionally when it refuses. */
    public static CompletableFuture<Void> send(Emitter<String> channel, String key, String payload) {
        return send(channel, OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build(), payload);
    }

    /** Sends one record with its Kafka metadata (key, and topic or headers when they differ from the channel's). */
    public static CompletableFuture<Void> send(Emitter<String> channel, OutgoingKafkaRecordMetadata<String> metadata,
            String payload) {
        var acked = new CompletableFuture<Void>();
        channel.send(Message.of(payload)
                .withAck(() -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                })
                .addMetadata(metadata));
        return acked;
    }

    /** Sends one record and waits for the broker; throws {@link IllegalStateException} if it does not acknowledge. */
    public static void sendAndAwait(Emitter<String> channel, String key, String payload, Duration timeout) {
        await(List.of(send(channel, key, payload)), timeout);
    }

    /** Waits until the broker acknowledged every record; throws {@link IllegalStateException} otherwise. */
    public static void await(List<CompletableFuture<Void>> acks, Duration timeout) {
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge: " + e, e);
        }
    }
}
