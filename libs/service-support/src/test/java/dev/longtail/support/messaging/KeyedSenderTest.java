package dev.longtail.support.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

class KeyedSenderTest {

    /** A channel that records what it was given and answers as a broker would: ack, nack or nothing. */
    private static final class Broker implements Emitter<String> {
        final List<Message<String>> sent = new ArrayList<>();
        final String answer;

        Broker(String answer) {
            this.answer = answer;
        }

        @Override
        public <M extends Message<? extends String>> void send(M message) {
            @SuppressWarnings("unchecked")
            Message<String> m = (Message<String>) message;
            sent.add(m);
            switch (answer) {
                case "ack" -> m.ack();
                case "nack" -> m.nack(new IllegalStateException("record too large"));
                default -> { }
            }
        }

        @Override
        public CompletionStage<Void> send(String payload) {
            throw new UnsupportedOperationException("KeyedSender always sends messages with a key");
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }

    @Test
    void shouldKeyTheRecordByCampaignAndReturnOnceTheBrokerAcknowledged() {
        var broker = new Broker("ack");
        KeyedSender.sendAndAwait(broker, "campaign-1", "{}", Duration.ofSeconds(1));

        assertEquals(1, broker.sent.size());
        assertEquals("{}", broker.sent.get(0).getPayload());
        @SuppressWarnings("unchecked")
        var metadata = (OutgoingKafkaRecordMetadata<String>) broker.sent.get(0)
                .getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertEquals("campaign-1", metadata.getKey());
    }

    @Test
    void shouldFailWhenTheBrokerRefusesTheRecord() {
        var e = assertThrows(IllegalStateException.class,
                () -> KeyedSender.sendAndAwait(new Broker("nack"), "c", "{}", Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("record too large"), e.getMessage());
    }

    @Test
    void shouldFailWhenTheBrokerDoesNotAnswerInTime() {
        assertThrows(IllegalStateException.class,
                () -> KeyedSender.sendAndAwait(new Broker("silence"), "c", "{}", Duration.ofMillis(50)));
    }
}
