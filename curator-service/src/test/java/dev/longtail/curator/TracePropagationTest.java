package dev.longtail.curator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.longtail.contracts.Topics;
import dev.longtail.devstack.testing.DevStackTestResource;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Traces carried in Kafka headers: the span of the producer that sent a record is the parent of the consumer's. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "curator"))
class TracePropagationTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void shouldConsumeARecordInTheTraceOfTheSpanThatSentIt() throws Exception {
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String parentSpanId = HexFormat.of().formatHex(randomBytes(8));
        String campaign = UUID.randomUUID().toString();
        Properties props = new Properties();
        props.put("bootstrap.servers", DevStackTestResource.kafkaBootstrapServers());
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>(Topics.SAMPLES_GENERATED, campaign,
                    Fixtures.distinct(campaign, 1, 2, 0, Fixtures.plan(0.2)));
            // what an instrumented producer adds: W3C trace context, sampled
            record.headers().add("traceparent", ("00-" + traceId + "-" + parentSpanId + "-01").getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().queryParam("generation", 1)
                .when().get("/api/v1/campaigns/{id}/decisions", campaign).then().statusCode(200));
        SpanData consumed = await().atMost(Duration.ofSeconds(30)).until(
                () -> spans.getFinishedSpanItems().stream()
                        .filter(s -> s.getKind() == SpanKind.CONSUMER && s.getTraceId().equals(traceId)).findFirst()
                        .orElse(null),
                s -> s != null);
        assertEquals(parentSpanId, consumed.getParentSpanId(), "the consumer's span is a child of the sender's");
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        do {
            ThreadLocalRandom.current().nextBytes(bytes);
        } while (bytes[0] == 0);
        return bytes;
    }
}
