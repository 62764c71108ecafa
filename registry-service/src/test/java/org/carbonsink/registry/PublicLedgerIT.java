package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.contracts.MonitoringReportVerified;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The public ledger lists: no token, keyset pages, and CSV on {@code Accept: text/csv}. */
class PublicLedgerIT extends RegistryIT {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void retirementsPageByCursorAndEveryListIsAlsoCsv() throws Exception {
        JsonNode ownerNode = registerParticipant("Fujian Mangrove Co.", "PROJECT_OWNER");
        UUID owner = id(ownerNode);
        UUID account = UUID.fromString(ownerNode.get("accountId").asString());
        UUID projectId = id(registeredProject(owner));
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), new MonitoringReportVerified(
                UUID.randomUUID(), Instant.now(), UUID.randomUUID(), projectId, owner, UUID.randomUUID(),
                LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), 2024, new BigDecimal("100"), 100, 10));
        await().atMost(EVENTUALLY).until(() -> api().get("/issuances?projectId=" + projectId).expect(200)
                .get("total").asLong() == 1);
        for (int i = 0; i < 5; i++) {
            api().as(owner, "PROJECT_OWNER").post("/accounts/" + account + "/retirements", Map.of("projectId",
                    projectId, "vintage", 2024, "quantity", 2, "beneficiary", i == 0 ? "=HYPERLINK(\"x\")" : "B, " + i,
                    "purpose", "EVENT_NEUTRALITY")).expect(201);
        }
        var cancelled = api().as(owner, "PROJECT_OWNER").withHeader("X-Forwarded-Prefix", "/api/registry")
                .post("/accounts/" + account + "/cancellations", Map.of("projectId", projectId, "vintage", 2024,
                        "quantity", 3, "reason", "Moved to another programme"));
        // a record's url, like the Location of its creation, is one the client can follow where it called
        String cancellationId = cancelled.expect(201).get("id").asString();
        assertThat(cancelled.header("Location")).isEqualTo("/api/registry/cancellations/" + cancellationId);
        assertThat(cancelled.json().get("url").asString()).isEqualTo("/api/registry/cancellations/" + cancellationId);
        assertThat(api().get("/cancellations/" + cancellationId).expect(200).get("url").asString())
                .isEqualTo("/cancellations/" + cancellationId);
        assertThat(api().withHeader("X-Forwarded-Prefix", "/api/registry").get("/retirements?projectId=" + projectId)
                .expect(200).get("items").get(0).get("url").asString()).startsWith("/api/registry/retirements/");

        // three pages of two, each after the cursor of the one before, without repeats
        List<String> seen = new ArrayList<>();
        String after = null;
        int pages = 0;
        do {
            JsonNode page = api().get("/retirements?limit=2&projectId=" + projectId
                    + (after == null ? "" : "&after=" + after)).expect(200);
            page.get("items").forEach(r -> seen.add(r.get("id").asString()));
            after = page.get("next").isNull() ? null : page.get("next").asString();
            pages++;
        } while (after != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
        assertThat(api().get("/retirements?after=not-a-cursor").json().get("errors").findValuesAsString("field"))
                .containsExactly("after");

        HttpResponse<String> retirements = csv("/retirements?limit=2&projectId=" + projectId);
        assertThat(retirements.statusCode()).isEqualTo(200);
        assertThat(retirements.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String[] lines = retirements.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,retiredAt,projectCode,vintage,quantity,beneficiary,purpose,note,serials");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains("\"'=HYPERLINK(\"\"x\"\")\"");
        assertThat(lines[2]).contains("\"B, 1\"");
        assertThat(retirements.headers().firstValue("Link").orElseThrow()).startsWith("<?limit=2")
                .contains("after=").endsWith("rel=\"next\"");
        assertThat(retirements.headers().firstValue("Link").orElseThrow())
                .contains("after=" + retirements.headers().firstValue("X-Next-Cursor").orElseThrow());

        assertThat(csv("/issuances?projectId=" + projectId).body()).startsWith("id,issuedAt,reportId")
                .contains("CSR-");
        assertThat(csv("/cancellations?projectId=" + projectId).body()).startsWith("id,cancelledAt")
                .contains("Moved to another programme");
        assertThat(csv("/reversals?projectId=" + projectId).body()).isEqualTo(
                "id,recordedAt,projectCode,lossDate,cause,lossCredits,bufferCancelled,shortfall,"
                        + "madeGoodCredits,issuanceBlocked,reportId\r\n");
        // the columns are the JSON fields' names, as on every other CSV list of the three services
        assertThat(csv("/ledger/supply?projectId=" + projectId).body().split("\r\n")[0]).isEqualTo(
                "projectCode,vintage,issued,available,held,retired,cancelled,buffer,bufferDeposited,bufferCancelled,pledged");
        assertThat(csv("/ledger/supply?projectId=" + projectId).body().split("\r\n")[1])
                .matches("P\\d{6},2024,100,77,0,10,3,10,10,0,0");
    }

    /**
     * A serial of the buffer is looked up as one: it shows as AVAILABLE like a holder's, so the lookup says it
     * sits in the pooled buffer account, which no one transfers, sells or retires (the pool itself is public).
     */
    @Test
    void aSerialOfTheBufferSaysItIsInThePool() {
        Holder owner = holder("Sichuan Buffer Lookup Co.", "PROJECT_OWNER");
        UUID project = projectWithCredits(owner, 2024, 1000);
        JsonNode issuance = api().get("/issuances?projectId=" + project).expect(200).get("items").get(0);

        JsonNode buffer = api().get("/ledger/serials/" + issuance.get("bufferSerials").get("first").asLong())
                .expect(200);
        JsonNode owned = api().get("/ledger/serials/" + issuance.get("ownerSerials").get("first").asLong())
                .expect(200);
        JsonNode bufferBlock = api().get("/ledger/serials/" + issuance.get("bufferSerials").get("serial").asString())
                .expect(200);

        assertThat(buffer.get("state").asString()).isEqualTo("AVAILABLE");
        assertThat(buffer.get("bufferPool").asBoolean()).isTrue();
        assertThat(bufferBlock.get("bufferPool").asBoolean()).isTrue();
        assertThat(owned.get("bufferPool").asBoolean()).isFalse();
    }

    /** A misspelt filter would otherwise answer every project's issuances as if they were the one project's. */
    @Test
    void aListRefusesAQueryParameterItDoesNotTake() {
        ApiClient.Response misspelt = api().get("/issuances?projectid=" + UUID.randomUUID());

        assertThat(misspelt.status()).isEqualTo(400);
        JsonNode error = misspelt.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("projectid");
        assertThat(error.get("rule").asString()).isEqualTo("unknown-parameter");
        assertThat(error.get("message").asString()).endsWith("it takes after, limit, projectId");
        assertThat(api().get("/issuances?projectId=" + UUID.randomUUID() + "&limit=5").status()).isEqualTo(200);
    }

    @Test
    void aClientThatAcceptsAnythingGetsJsonLikeCurlDoes() throws Exception {
        for (String path : new String[] {"/projects", "/pledges", "/retirements", "/issuances"}) {
            HttpResponse<String> any = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", "*/*").GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(any.statusCode()).as(path).isEqualTo(200);
            assertThat(any.headers().firstValue("Content-Type").orElseThrow()).as(path).startsWith("application/json");
            assertThat(any.body()).as(path).startsWith("{");
        }
    }

    private HttpResponse<String> csv(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
