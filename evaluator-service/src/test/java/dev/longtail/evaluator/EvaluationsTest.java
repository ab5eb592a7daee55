package dev.longtail.evaluator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.longtail.contracts.CampaignStarted;
import dev.longtail.contracts.DatasetSealed;
import dev.longtail.contracts.Events;
import dev.longtail.devstack.testing.DevStackTestResource;
import dev.longtail.evaluator.evaluation.Evaluation;
import dev.longtail.evaluator.evaluation.Evaluations;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Evaluating outside any transaction: two deliveries of one version that measure it at once save one evaluation. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "evaluator"))
class EvaluationsTest {

    @Inject
    Evaluations evaluations;

    @Test
    void shouldEvaluateAVersionOnceWhenTwoDeliveriesMeasureItAtTheSameTime() throws Exception {
        String campaign = UUID.randomUUID().toString();
        evaluations.recordReference(campaign, Events.read(Fixtures.campaignStarted(campaign, 2), CampaignStarted.class));
        DatasetSealed sealed = Fixtures.sealed(UUID.randomUUID().toString(), campaign, 1, Fixtures.smallVersionRecords());
        CountDownLatch start = new CountDownLatch(1);
        Callable<List<UUID>> delivery = () -> {
            start.await();
            return evaluations.recordVersion(campaign, sealed);
        };
        ExecutorService deliveries = Executors.newFixedThreadPool(2);
        try {
            Future<List<UUID>> first = deliveries.submit(delivery);
            Future<List<UUID>> second = deliveries.submit(delivery);
            start.countDown();
            List<UUID> evaluated = new ArrayList<>(first.get(60, TimeUnit.SECONDS));
            evaluated.addAll(second.get(60, TimeUnit.SECONDS));

            assertEquals(1, evaluated.size(), "one delivery saves the evaluation, the other finds it saved");
            assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> Evaluation.count("campaignId", campaign)));
        } finally {
            deliveries.shutdownNow();
        }
    }
}
