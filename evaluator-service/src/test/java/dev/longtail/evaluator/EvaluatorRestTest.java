package dev.longtail.evaluator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;

import dev.longtail.devstack.testing.DevStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad requests and unknown ids answer with application/problem+json. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "evaluator"))
class EvaluatorRestTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void shouldAnswerNotFoundForReportOfUnknownCampaign() {
        given().when().get("/api/v1/campaigns/{id}/report", UUID.randomUUID().toString())
                .then().statusCode(404).contentType(PROBLEM).body("status", is(404));
    }

    @Test
    void shouldRejectReportForCampaignIdThatIsNotUuid() {
        given().when().get("/api/v1/campaigns/{id}/report", "campaign-1")
                .then().statusCode(400).contentType(PROBLEM).body("status", is(400));
    }

    @Test
    void shouldAnswerNotFoundForUnknownEvaluation() {
        given().when().get("/api/v1/evaluations/{id}", UUID.randomUUID().toString())
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/evaluations/{id}", "nope")
                .then().statusCode(400).contentType(PROBLEM);
    }
}
