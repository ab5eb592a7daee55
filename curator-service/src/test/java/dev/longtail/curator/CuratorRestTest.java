package dev.longtail.curator;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import dev.longtail.devstack.testing.DevStackTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bad requests and unknown ids answer with application/problem+json. */
@QuarkusTest
@WithTestResource(value = DevStackTestResource.class, initArgs = @ResourceArg(name = DevStackTestResource.SCHEMA, value = "curator"))
class CuratorRestTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void shouldRequireCampaignIdToListDatasets() {
        given().when().get("/api/v1/datasets")
                .then().statusCode(400).contentType(PROBLEM).body("status", is(400));
    }

    @Test
    void shouldRejectCampaignIdThatIsNotUuid() {
        given().queryParam("campaignId", "not-a-uuid").when().get("/api/v1/datasets")
                .then().statusCode(400).contentType(PROBLEM);
        given().when().get("/api/v1/campaigns/{id}/decisions", "not-a-uuid")
                .then().statusCode(400).contentType(PROBLEM);
        given().when().get("/api/v1/datasets/{id}", "not-a-uuid")
                .then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void shouldListNoDatasetsForCampaignWithoutVersions() {
        given().queryParam("campaignId", UUID.randomUUID().toString()).when().get("/api/v1/datasets")
                .then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void shouldAnswerNotFoundForUnknownIds() {
        String unknown = UUID.randomUUID().toString();
        given().when().get("/api/v1/datasets/{id}", unknown)
                .then().statusCode(404).contentType(PROBLEM).body("status", is(404));
        given().when().get("/api/v1/datasets/{id}/records", unknown)
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/decisions/{id}", unknown + ":g1:0:sample")
                .then().statusCode(404).contentType(PROBLEM);
        given().when().get("/api/v1/campaigns/{id}/decisions", unknown)
                .then().statusCode(404).contentType(PROBLEM);
    }
}
