package dev.longtail.curator;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.Events;
import dev.longtail.contracts.GenerationPlan;
import dev.longtail.contracts.Topics;
import dev.longtail.curator.decision.CampaignReference;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.devstack.testing.KafkaTestClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A redelivered campaign start changes nothing: one reference, one version per generation, the same counts. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "curator"))
class CuratorRedeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private final KafkaTestClient kafka = KafkaTestClient.devStack();

    @Test
    void shouldRecordTheReferenceOnceAndSealOnceWhenTheCampaignStartIsRedelivered() {
        String campaign = UUID.randomUUID().toString();
        GenerationPlan plan = Fixtures.plan(0.2);
        try (var sealed = kafka.reader(Topics.DATASETS_SEALED)) {
            kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 10));
            kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 10));
            for (int n = 0; n < 4; n++) {
                kafka.send(Topics.SAMPLES_GENERATED, campaign, Fixtures.distinct(campaign, 1, 4, n, plan));
            }
            // once more after the seal, then generation 2: on one partition, a second seal of 1 would come first
            kafka.send(Topics.CAMPAIGNS_STARTED, campaign, Fixtures.campaignStarted(campaign, 10));
            kafka.send(Topics.SAMPLES_GENERATED, campaign, Fixtures.distinct(campaign, 2, 1, 0, plan));
            await().atMost(WAIT).until(() -> sealed.withKey(campaign).stream()
                    .anyMatch(r -> Events.read(r.value(), DatasetSealed.class).generation() == 2));

            List<DatasetSealed> first = sealed.withKey(campaign).stream()
                    .map(r -> Events.read(r.value(), DatasetSealed.class)).filter(v -> v.generation() == 1).toList();
            assertEquals(1, first.size(), "generation 1 is published once");
            assertEquals(4, first.get(0).counts().generated());
            assertEquals(4, first.get(0).counts().accepted());
        }
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> CampaignReference.count("campaignId", campaign)));
        given().queryParam("campaignId", campaign).when().get("/api/v1/datasets")
                .then().statusCode(200).body("$", hasSize(2));
    }
}
