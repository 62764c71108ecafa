package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.contracts.CreditHoldRejected;
import org.carbonsink.contracts.CreditHoldRequested;
import org.carbonsink.contracts.CreditsHeld;
import org.carbonsink.contracts.CreditsPledged;
import org.carbonsink.contracts.MonitoringReportVerified;
import org.carbonsink.contracts.PledgeEnforced;
import org.carbonsink.contracts.PledgeReleased;
import org.carbonsink.contracts.PledgeVoided;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pledges of issued credits and of future issuance: every transition (pledge, partial and full
 * release, enforcement request and confirmation, coverage by issuance, voiding by revocation) and
 * every refusal, including a sell order whose hold the registry refuses because the credits are
 * pledged, and the public register with its private loan terms.
 */
class PledgesIT extends RegistryIT {

    static final int VINTAGE = 2024;

    record Party(UUID id, UUID account, String role) {

        ApiClient as(RegistryIT it) {
            return it.api().as(id, role);
        }
    }

    Party party(String name, String role) {
        JsonNode node = registerParticipant(name, role);
        return new Party(id(node), UUID.fromString(node.get("accountId").asString()), role);
    }

    Party lender(String name) {
        return party(name, "LENDER");
    }

    /** A registered project of {@code owner} with {@code credits} issued for {@code vintage} (a tenth to the buffer). */
    UUID projectWithCredits(Party owner, long credits) {
        UUID projectId = id(registeredProject(owner.id()));
        long before = holding(owner, "available");
        issue(owner, projectId, VINTAGE, credits);
        await().atMost(EVENTUALLY).until(() -> holding(owner, "available") == before + credits - credits / 10);
        return projectId;
    }

    void issue(Party owner, UUID projectId, int vintage, long credits) {
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), new MonitoringReportVerified(
                UUID.randomUUID(), Instant.now(), UUID.randomUUID(), projectId, owner.id(), UUID.randomUUID(),
                LocalDate.of(vintage, 1, 1), LocalDate.of(vintage, 12, 31), vintage,
                new BigDecimal(credits + ".0000"), credits, credits / 10));
    }

    static Map<String, Object> terms(UUID lender) {
        Map<String, Object> body = new HashMap<>();
        body.put("lenderId", lender);
        body.put("loanReference", "ICBC-FJ-2026-0042");
        body.put("securedAmount", new BigDecimal("2500000.00"));
        body.put("currency", "CNY");
        body.put("maturityDate", "2028-06-30");
        return body;
    }

    static Map<String, Object> creditsPledge(Party pledgor, UUID projectId, UUID lender, long quantity) {
        Map<String, Object> body = terms(lender);
        body.put("kind", "CREDITS");
        body.put("accountId", pledgor.account());
        body.put("projectId", projectId);
        body.put("vintage", VINTAGE);
        body.put("quantity", quantity);
        return body;
    }

    static Map<String, Object> futurePledge(UUID projectId, UUID lender, long quantity) {
        Map<String, Object> body = terms(lender);
        body.put("kind", "FUTURE_ISSUANCE");
        body.put("projectId", projectId);
        body.put("quantity", quantity);
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(body);
        if (value == null) {
            changed.remove(field);
        } else {
            changed.put(field, value);
        }
        return changed;
    }

    long holding(Party holder, String state) {
        long total = 0;
        for (JsonNode h : holder.as(this).get("/accounts/" + holder.account()).expect(200).get("holdings")) {
            total += h.get(state).asLong();
        }
        return total;
    }

    void assertSound(UUID projectId) {
        JsonNode check = api().get("/ledger/check?projectId=" + projectId).expect(200);
        assertThat(check.get("sound").asBoolean()).as(check.toString()).isTrue();
    }

    List<String> audited(UUID pledgeId) {
        return admin().get("/audit/entries?subjectType=pledge&subjectId=" + pledgeId).expect(200).get("entries")
                .findValuesAsString("action");
    }

    static void assertRefusedNaming(ApiClient.Response response, UUID pledgeId) {
        assertThat(response.status()).as(response.body()).isEqualTo(409);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:credits-pledged");
        assertThat(response.json().get("detail").asString()).contains(pledgeId.toString());
        assertThat(response.json().get("pledgeIds").findValuesAsString("")).isEmpty();
        assertThat(response.json().get("pledgeIds").get(0).asString()).isEqualTo(pledgeId.toString());
    }

    /**
     * A project's register is a part of the project, as its comments are: asked of a project the registry
     * never had, it answers 404, not an empty register a reader would take for "nothing pledged".
     */
    @Test
    void theRegisterOfAProjectTheRegistryNeverHadIsNotFound() {
        UUID unknown = UUID.randomUUID();

        ApiClient.Response register = api().get("/projects/" + unknown + "/pledges");

        assertThat(register.status()).isEqualTo(404);
        assertThat(register.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:not-found");
        assertThat(register.json().get("detail").asString()).contains(unknown.toString());
        assertThat(api().get("/projects/" + unknown + "/comments").status()).as("as its comments").isEqualTo(404);
    }

    @Test
    void pledgedCreditsCannotBeTransferredHeldRetiredCancelledOrPledgedAgainAndEachRefusalNamesThePledge() {
        Party owner = party("Fujian Bamboo Forest Co.", "PROJECT_OWNER");
        Party buyer = party("Xiamen Carbon Desk", "TRADER");
        Party bank = lender("Industrial Bank Fuzhou");
        Party secondBank = lender("China Merchants Bank Fuzhou");
        UUID projectId = projectWithCredits(owner, 1000);

        JsonNode pledge = owner.as(this).post("/pledges", creditsPledge(owner, projectId, bank.id(), 600)).expect(201);
        UUID pledgeId = id(pledge);
        assertThat(pledge.get("kind").asString()).isEqualTo("CREDITS");
        assertThat(pledge.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(pledge.get("quantity").asLong()).isEqualTo(600);
        assertThat(pledge.get("outstanding").asLong()).isEqualTo(600);
        assertThat(pledge.get("vintage").asInt()).isEqualTo(VINTAGE);
        assertThat(pledge.get("lenderName").asString()).isEqualTo("Industrial Bank Fuzhou");
        assertThat(pledge.get("securedAmount").decimalValue()).isEqualByComparingTo("2500000.00");
        assertThat(pledge.get("currency").asString()).isEqualTo("CNY");
        assertThat(pledge.get("maturityDate").asString()).isEqualTo("2028-06-30");
        assertThat(holding(owner, "pledged")).isEqualTo(600);
        assertThat(holding(owner, "available")).isEqualTo(300);
        CreditsPledged told = TestEvents.await(Topics.REGISTRY_PLEDGES, CreditsPledged.class,
                e -> e.pledgeId().equals(pledgeId), EVENTUALLY).get(0);
        assertThat(told.encumbered()).isEqualTo(600);
        assertThat(told.lenderId()).isEqualTo(bank.id());
        assertThat(told.serials().get(0).quantity()).isEqualTo(600);
        long firstPledged = told.serials().get(0).first();

        // more than the available 300: the refusals name the pledge; nothing moves
        assertRefusedNaming(owner.as(this).post("/accounts/" + owner.account() + "/transfers", Map.of(
                "toAccountId", buyer.account(), "projectId", projectId, "vintage", VINTAGE, "quantity", 301)), pledgeId);
        assertRefusedNaming(owner.as(this).post("/accounts/" + owner.account() + "/transfers", Map.of(
                "toAccountId", buyer.account(), "projectId", projectId, "vintage", VINTAGE,
                "firstSerial", firstPledged, "lastSerial", firstPledged)), pledgeId);
        assertRefusedNaming(owner.as(this).post("/accounts/" + owner.account() + "/retirements", Map.of(
                "projectId", projectId, "vintage", VINTAGE, "quantity", 500, "beneficiary", "Fuzhou Metro",
                "purpose", "VOLUNTARY_OFFSET")), pledgeId);
        assertRefusedNaming(owner.as(this).post("/accounts/" + owner.account() + "/cancellations", Map.of(
                "projectId", projectId, "vintage", VINTAGE, "firstSerial", firstPledged + 10,
                "lastSerial", firstPledged + 20, "reason", "Moved to another programme")), pledgeId);
        assertRefusedNaming(owner.as(this).post("/pledges", creditsPledge(owner, projectId, secondBank.id(), 400)),
                pledgeId);

        // the exchange's hold for a sell order of 500 is refused with the pledge named; 300 are free to sell
        UUID refusedHold = UUID.randomUUID();
        String instrument = "PLEDGE-" + projectId;
        TestEvents.send(Topics.TRADING_ORDERS, instrument, new CreditHoldRequested(UUID.randomUUID(), Instant.now(),
                refusedHold, instrument, owner.id(), projectId, VINTAGE, 500));
        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, CreditHoldRejected.class,
                e -> e.holdId().equals(refusedHold), EVENTUALLY)).singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("600 credits").contains("pledged under pledge " + pledgeId));
        UUID heldHold = UUID.randomUUID();
        TestEvents.send(Topics.TRADING_ORDERS, instrument, new CreditHoldRequested(UUID.randomUUID(), Instant.now(),
                heldHold, instrument, owner.id(), projectId, VINTAGE, 300));
        assertThat(TestEvents.await(Topics.REGISTRY_HOLDS, CreditsHeld.class, e -> e.holdId().equals(heldHold),
                EVENTUALLY)).hasSize(1);

        assertThat(holding(owner, "pledged")).isEqualTo(600);
        assertThat(holding(owner, "held")).isEqualTo(300);
        assertThat(holding(buyer, "available")).isZero();
        JsonNode supply = api().get("/ledger/supply?projectId=" + projectId).expect(200).get("items").get(0);
        assertThat(supply.get("pledged").asLong()).isEqualTo(600);
        assertThat(supply.get("issued").asLong()).isEqualTo(supply.get("available").asLong()
                + supply.get("held").asLong() + supply.get("pledged").asLong() + supply.get("retired").asLong()
                + supply.get("cancelled").asLong() + supply.get("buffer").asLong());
        assertSound(projectId);
        assertThat(audited(pledgeId)).containsExactly("CREDITS_ENCUMBERED", "PLEDGE_MADE");
        JsonNode trace = api().get("/ledger/serials/" + firstPledged).expect(200);
        assertThat(trace.toString()).contains("PLEDGED");
    }

    @Test
    void aPledgeThatBreaksARuleIsRefusedNamingTheFieldAndChangesNothing() {
        Party owner = party("Jiangxi Fir Co.", "PROJECT_OWNER");
        Party trader = party("Nanchang Trading", "TRADER");
        Party bank = lender("Bank of Jiangxi");
        UUID projectId = projectWithCredits(owner, 100);
        Map<String, Object> valid = creditsPledge(owner, projectId, bank.id(), 50);

        record Case(Map<String, Object> body, int status, String field) {
        }
        List<Case> cases = List.of(
                new Case(with(valid, "lenderId", trader.id()), 400, "lenderId"),
                new Case(with(valid, "lenderId", owner.id()), 400, "lenderId"),
                new Case(with(valid, "securedAmount", new BigDecimal("100.005")), 400, "securedAmount"),
                new Case(with(valid, "securedAmount", BigDecimal.ZERO), 400, "securedAmount"),
                new Case(with(valid, "currency", "RMB"), 400, "currency"),
                new Case(with(valid, "maturityDate", null), 400, "maturityDate"),
                new Case(with(valid, "maturityDate", yesterdayInBeijing()), 400, "maturityDate"),
                new Case(with(futurePledge(projectId, bank.id(), 10), "maturityDate", yesterdayInBeijing()), 400,
                        "maturityDate"),
                new Case(with(valid, "loanReference", " "), 400, "loanReference"),
                new Case(with(valid, "accountId", null), 400, "accountId"),
                new Case(with(valid, "vintage", null), 400, "vintage"),
                new Case(with(valid, "kind", null), 400, "kind"),
                new Case(with(valid, "quantity", 0), 400, "quantity"),
                new Case(with(valid, "firstSerial", 1), 400, "quantity"),
                new Case(with(valid, "projectId", UUID.randomUUID()), 400, "projectId"),
                new Case(with(futurePledge(projectId, bank.id(), 10), "vintage", VINTAGE), 400, "vintage"),
                new Case(with(futurePledge(projectId, bank.id(), 10), "quantity", null), 400, "quantity"),
                new Case(with(valid, "state", "RELEASED"), 400, "state"));
        for (Case c : cases) {
            var response = owner.as(this).post("/pledges", c.body());
            assertThat(response.status()).as("%s -> %s", c.body(), response.body()).isEqualTo(c.status());
            assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body())
                    .containsExactly(c.field());
        }
        var tooMany = owner.as(this).post("/pledges", with(valid, "quantity", 91));
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:insufficient-credits");
        assertThat(trader.as(this).post("/pledges", valid).status()).as("someone else's account").isEqualTo(403);
        assertThat(api().post("/pledges", valid).status()).isEqualTo(401);

        assertThat(holding(owner, "pledged")).isZero();
        assertThat(holding(owner, "available")).isEqualTo(90);
        assertThat(api().get("/pledges?projectId=" + projectId).expect(200).get("items")).isEmpty();
        assertSound(projectId);
    }

    @Test
    void theLenderReleasesInPartThenInFullAndNobodyElseMay() {
        Party owner = party("Guangxi Eucalyptus Co.", "PROJECT_OWNER");
        Party buyer = party("Nanning Steel", "TRADER");
        Party bank = lender("Guangxi Rural Credit");
        Party otherBank = lender("Bank of Beibu Gulf");
        UUID projectId = projectWithCredits(owner, 1000);
        UUID pledgeId = id(owner.as(this).post("/pledges", creditsPledge(owner, projectId, bank.id(), 600))
                .expect(201));
        String releases = "/pledges/" + pledgeId + "/releases";

        assertThat(owner.as(this).post(releases, Map.of("quantity", 100)).status()).as("the pledgor").isEqualTo(403);
        assertThat(otherBank.as(this).post(releases, Map.of("quantity", 100)).status()).as("another lender")
                .isEqualTo(403);
        var tooMuch = bank.as(this).post(releases, Map.of("quantity", 601));
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.json().get("errors").findValuesAsString("field")).containsExactly("quantity");
        assertThat(bank.as(this).post(releases, Map.of()).json().get("errors").findValuesAsString("field"))
                .containsExactly("quantity");
        assertThat(holding(owner, "pledged")).isEqualTo(600);

        JsonNode partial = bank.as(this).post(releases, Map.of("quantity", 200)).expect(200);
        assertThat(partial.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(partial.get("outstanding").asLong()).isEqualTo(400);
        assertThat(holding(owner, "pledged")).isEqualTo(400);
        assertThat(holding(owner, "available")).isEqualTo(500);
        assertThat(TestEvents.await(Topics.REGISTRY_PLEDGES, PledgeReleased.class,
                e -> e.pledgeId().equals(pledgeId) && e.state().equals("ACTIVE"), EVENTUALLY)).singleElement()
                .satisfies(e -> {
                    assertThat(e.quantity()).isEqualTo(200);
                    assertThat(e.returned()).isEqualTo(200);
                    assertThat(e.outstanding()).isEqualTo(400);
                });
        owner.as(this).post("/accounts/" + owner.account() + "/transfers", Map.of("toAccountId", buyer.account(),
                "projectId", projectId, "vintage", VINTAGE, "quantity", 500)).expect(201);
        assertRefusedNaming(owner.as(this).post("/accounts/" + owner.account() + "/transfers", Map.of(
                "toAccountId", buyer.account(), "projectId", projectId, "vintage", VINTAGE, "quantity", 1)), pledgeId);

        JsonNode full = bank.as(this).post(releases, Map.of("quantity", 400)).expect(200);
        assertThat(full.get("state").asString()).isEqualTo("RELEASED");
        assertThat(full.get("outstanding").asLong()).isZero();
        assertThat(full.get("closedAt").isNull()).isFalse();
        assertThat(holding(owner, "pledged")).isZero();
        assertThat(holding(owner, "available")).isEqualTo(400);
        assertThat(TestEvents.await(Topics.REGISTRY_PLEDGES, PledgeReleased.class,
                e -> e.pledgeId().equals(pledgeId) && e.state().equals("RELEASED"), EVENTUALLY)).hasSize(1);

        var again = bank.as(this).post(releases, Map.of("quantity", 1));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:pledge-closed");
        assertThat(bank.as(this).post("/pledges/" + pledgeId + "/enforcement-request",
                defaultClaim("Missed payment")).status()).isEqualTo(409);
        assertThat(bank.as(this).post("/pledges/" + UUID.randomUUID() + "/releases", Map.of("quantity", 1)).status())
                .isEqualTo(404);
        owner.as(this).post("/accounts/" + owner.account() + "/retirements", Map.of("projectId", projectId,
                "vintage", VINTAGE, "quantity", 400, "beneficiary", "Nanning Metro", "purpose", "VOLUNTARY_OFFSET"))
                .expect(201);
        assertSound(projectId);
        assertThat(audited(pledgeId)).containsExactly("CREDITS_ENCUMBERED", "PLEDGE_MADE", "CREDITS_UNENCUMBERED",
                "PLEDGE_RELEASED", "CREDITS_UNENCUMBERED", "PLEDGE_RELEASED");
    }

    @Test
    void enforcementTakesTheLendersRequestAndTheAdministratorsConfirmationAndMovesTheCreditsToTheLender() {
        Party owner = party("Hunan Camphor Co.", "PROJECT_OWNER");
        Party bank = lender("Changsha Bank");
        Party buyer = party("Changsha Cement", "TRADER");
        UUID projectId = projectWithCredits(owner, 1000);
        UUID pledgeId = id(owner.as(this).post("/pledges", creditsPledge(owner, projectId, bank.id(), 500))
                .expect(201));
        String request = "/pledges/" + pledgeId + "/enforcement-request";
        String confirm = "/pledges/" + pledgeId + "/enforcement";

        var early = admin().post(confirm, null);
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:enforcement-not-requested");
        assertThat(bank.as(this).post(request, Map.of("reason", "EVENT_OF_DEFAULT", "description", " ")).json()
                .get("errors").findValuesAsString("field")).containsExactly("description");
        assertThat(bank.as(this).post(request, Map.of("description", "Two instalments unpaid")).json()
                .get("errors").findValuesAsString("field")).containsExactly("reason");
        assertThat(bank.as(this).post(request, Map.of("reason", "Two instalments unpaid", "description", "x"))
                .status()).isEqualTo(400);
        assertThat(owner.as(this).post(request, defaultClaim("I default")).status()).isEqualTo(403);

        // the loan matures on 2028-06-30: before it, only an event of default lets the lender ask
        var notMatured = bank.as(this).post(request, Map.of("reason", "NOT_REPAID_AT_MATURITY", "description",
                "Principal unpaid"));
        assertThat(notMatured.status()).as(notMatured.body()).isEqualTo(409);
        assertThat(notMatured.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:pledge-not-matured");
        assertThat(notMatured.json().get("maturityDate").asString()).isEqualTo("2028-06-30");
        assertThat(notMatured.json().get("detail").asString()).contains("maturityDate").contains("EVENT_OF_DEFAULT");
        assertThat(bank.as(this).get("/pledges/" + pledgeId).expect(200).get("enforcementRequestedAt").isNull())
                .as("a refused request changes nothing").isTrue();

        JsonNode requested = bank.as(this).post(request, defaultClaim("Two instalments unpaid")).expect(200);
        assertThat(requested.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(requested.get("enforcementRequestedAt").isNull()).isFalse();
        assertThat(requested.get("enforcementGrounds").asString()).isEqualTo("EVENT_OF_DEFAULT");
        assertThat(requested.get("enforcementReason").asString()).isEqualTo("Two instalments unpaid");
        assertThat(api().get("/pledges/" + pledgeId).expect(200).get("enforcementGrounds").isNull())
                .as("the grounds are the parties'").isTrue();
        assertThat(bank.as(this).post(request, defaultClaim("Again")).json().get("type").asString())
                .isEqualTo("urn:carbonsink:problem:enforcement-already-requested");
        assertThat(bank.as(this).post(confirm, null).status()).as("the lender cannot confirm").isEqualTo(403);
        assertThat(owner.as(this).post(confirm, null).status()).isEqualTo(403);
        assertThat(holding(owner, "pledged")).isEqualTo(500);
        assertThat(holding(bank, "available")).isZero();

        JsonNode enforced = admin().post(confirm, null).expect(200);
        assertThat(enforced.get("state").asString()).isEqualTo("ENFORCED");
        assertThat(enforced.get("outstanding").asLong()).isZero();
        assertThat(enforced.get("enforced").asLong()).isEqualTo(500);
        assertThat(holding(owner, "pledged")).isZero();
        assertThat(holding(owner, "available")).isEqualTo(400);
        assertThat(holding(bank, "available")).isEqualTo(500);
        assertThat(TestEvents.await(Topics.REGISTRY_PLEDGES, PledgeEnforced.class,
                e -> e.pledgeId().equals(pledgeId), EVENTUALLY)).singleElement().satisfies(e -> {
                    assertThat(e.quantity()).isEqualTo(500);
                    assertThat(e.confirmedBy()).isEqualTo(ADMINISTRATOR);
                });
        assertThat(admin().post(confirm, null).status()).isEqualTo(409);
        assertThat(bank.as(this).post("/pledges/" + pledgeId + "/releases", Map.of("quantity", 1)).status())
                .isEqualTo(409);

        // the lender now holds them like any credits
        bank.as(this).post("/accounts/" + bank.account() + "/transfers", Map.of("toAccountId", buyer.account(),
                "projectId", projectId, "vintage", VINTAGE, "quantity", 500)).expect(201);
        assertThat(holding(buyer, "available")).isEqualTo(500);
        assertSound(projectId);
        assertThat(audited(pledgeId)).containsExactly("CREDITS_ENCUMBERED", "PLEDGE_MADE",
                "PLEDGE_ENFORCEMENT_REQUESTED", "CREDITS_ENFORCED", "PLEDGE_ENFORCED");
        assertThat(auditDetails(pledgeId, "PLEDGE_ENFORCED")).as("the confirmation records the event of default")
                .contains("\"grounds\":\"EVENT_OF_DEFAULT\"").contains("\"reason\":\"Two instalments unpaid\"")
                .contains("\"maturityDate\":\"2028-06-30\"");
    }

    @Test
    void fromItsMaturityDateOnTheLenderMayEnforceForNonPayment() {
        Party owner = party("Guangxi Eucalyptus Co.", "PROJECT_OWNER");
        Party bank = lender("Guilin Bank");
        UUID projectId = projectWithCredits(owner, 400);
        // matures tomorrow in Beijing, where the registry's dates are; then the day comes
        String maturity = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).plusDays(1).toString();
        UUID pledgeId = id(owner.as(this).post("/pledges", with(creditsPledge(owner, projectId, bank.id(), 300),
                "maturityDate", maturity)).expect(201));
        clock.advance(Duration.ofDays(1));

        JsonNode requested = bank.as(this).post("/pledges/" + pledgeId + "/enforcement-request", Map.of("reason",
                "NOT_REPAID_AT_MATURITY", "description", "Principal of CNY 2,500,000 unpaid at maturity")).expect(200);
        assertThat(requested.get("enforcementGrounds").asString()).isEqualTo("NOT_REPAID_AT_MATURITY");
        JsonNode enforced = admin().post("/pledges/" + pledgeId + "/enforcement", null).expect(200);
        assertThat(enforced.get("state").asString()).isEqualTo("ENFORCED");
        assertThat(holding(bank, "available")).isEqualTo(300);
        assertThat(auditDetails(pledgeId, "PLEDGE_ENFORCED")).contains("\"grounds\":\"NOT_REPAID_AT_MATURITY\"");
        assertSound(projectId);
    }

    /** A loan that matured yesterday: no pledge may secure it any more. */
    String yesterdayInBeijing() {
        return LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).minusDays(1).toString();
    }

    @Test
    void aLoanMaturingTodayMayStillBePledged() {
        Party owner = party("Fujian Bamboo Co.", "PROJECT_OWNER");
        Party bank = lender("Bank of Fuzhou");
        UUID projectId = projectWithCredits(owner, 100);
        String today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))).toString();

        JsonNode pledge = owner.as(this).post("/pledges", with(creditsPledge(owner, projectId, bank.id(), 20),
                "maturityDate", today)).expect(201);

        assertThat(pledge.get("maturityDate").asString()).isEqualTo(today);
        assertSound(projectId);
    }

    List<String> registerIds(UUID projectId, int vintage) {
        return api().get("/pledges?projectId=" + projectId + "&vintage=" + vintage).expect(200).get("items")
                .findValuesAsString("id");
    }

    static Map<String, Object> defaultClaim(String description) {
        return Map.of("reason", "EVENT_OF_DEFAULT", "description", description);
    }

    String auditDetails(UUID pledgeId, String action) {
        for (JsonNode entry : admin().get("/audit/entries?subjectType=pledge&subjectId=" + pledgeId).expect(200)
                .get("entries")) {
            if (entry.get("action").asString().equals(action)) {
                return entry.get("details").asString();
            }
        }
        throw new AssertionError("no " + action + " in the audit trail of pledge " + pledgeId);
    }

    @Test
    void theRegisterShowsEveryPledgeToAnyoneAndTheLoanTermsOnlyToThePartiesAndTheAdministrator() {
        Party owner = party("Yunnan Walnut Co.", "PROJECT_OWNER");
        Party bank = lender("Fudian Bank");
        Party stranger = party("Kunming Trader", "TRADER");
        UUID projectId = projectWithCredits(owner, 1000);
        UUID credits = id(owner.as(this).post("/pledges", creditsPledge(owner, projectId, bank.id(), 300))
                .expect(201));
        UUID future = id(owner.as(this).post("/pledges", futurePledge(projectId, bank.id(), 5000)).expect(201));
        bank.as(this).post("/pledges/" + credits + "/releases", Map.of("quantity", 100)).expect(200);

        JsonNode page = api().get("/pledges?projectId=" + projectId).expect(200);
        assertThat(page.get("limit").asInt()).isEqualTo(50);
        assertThat(page.get("next").isNull()).isTrue();
        assertThat(page.get("items").findValuesAsString("id")).containsExactly(credits.toString(), future.toString());
        JsonNode first = page.get("items").get(0);
        assertThat(first.get("kind").asString()).isEqualTo("CREDITS");
        assertThat(first.get("projectId").asString()).isEqualTo(projectId.toString());
        assertThat(first.get("vintage").asInt()).isEqualTo(VINTAGE);
        assertThat(first.get("lenderId").asString()).isEqualTo(bank.id().toString());
        assertThat(first.get("lenderName").asString()).isEqualTo("Fudian Bank");
        assertThat(first.get("quantity").asLong()).isEqualTo(300);
        assertThat(first.get("outstanding").asLong()).isEqualTo(200);
        assertThat(first.get("maturityDate").asString()).isEqualTo("2028-06-30");
        assertThat(first.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(first.get("createdAt").isNull()).isFalse();
        JsonNode second = page.get("items").get(1);
        assertThat(second.get("kind").asString()).isEqualTo("FUTURE_ISSUANCE");
        assertThat(second.get("vintage").isNull()).isTrue();
        assertThat(second.get("outstanding").asLong()).isEqualTo(5000);

        // the loan terms: only to the pledgor, the lender and the administrator
        for (ApiClient reader : List.of(api(), stranger.as(this))) {
            JsonNode seen = reader.get("/pledges/" + credits).expect(200);
            assertThat(seen.get("loanReference").isNull()).as(seen.toString()).isTrue();
            assertThat(seen.get("securedAmount").isNull()).isTrue();
            assertThat(seen.get("currency").isNull()).isTrue();
            assertThat(reader.get("/pledges?projectId=" + projectId).expect(200).get("items").get(0)
                    .get("loanReference").isNull()).isTrue();
        }
        for (ApiClient reader : List.of(owner.as(this), bank.as(this), admin())) {
            JsonNode seen = reader.get("/pledges/" + credits).expect(200);
            assertThat(seen.get("loanReference").asString()).isEqualTo("ICBC-FJ-2026-0042");
            assertThat(seen.get("securedAmount").decimalValue()).isEqualByComparingTo("2500000.00");
            assertThat(seen.get("currency").asString()).isEqualTo("CNY");
        }
        assertThat(api().withToken("not-a-jwt").get("/pledges/" + credits).status())
                .as("a present but invalid token is refused").isEqualTo(401);

        // filters, keyset pages, the project's own list, CSV
        assertThat(api().get("/pledges?projectId=" + projectId + "&vintage=" + VINTAGE).expect(200).get("items")
                .findValuesAsString("id")).containsExactly(credits.toString());
        assertThat(api().get("/pledges?projectId=" + projectId + "&state=RELEASED").expect(200).get("items"))
                .isEmpty();
        JsonNode one = api().get("/pledges?projectId=" + projectId + "&limit=1").expect(200);
        assertThat(one.get("items").findValuesAsString("id")).containsExactly(credits.toString());
        JsonNode rest = api().get("/pledges?projectId=" + projectId + "&limit=1&after=" + one.get("next").asString())
                .expect(200);
        assertThat(rest.get("items").findValuesAsString("id")).containsExactly(future.toString());
        assertThat(rest.get("next").isNull()).isTrue();
        assertThat(api().get("/projects/" + projectId + "/pledges").expect(200).get("items")
                .findValuesAsString("id")).containsExactly(credits.toString(), future.toString());
        HttpResponse<String> csv = csv("/pledges?projectId=" + projectId);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("id,kind,projectId,vintage,lenderId,lenderName,quantity,outstanding,"
                + "maturityDate,state,createdAt");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).startsWith(credits + ",CREDITS," + projectId + "," + VINTAGE + "," + bank.id()
                + ",Fudian Bank,300,200,2028-06-30,ACTIVE,");
        assertThat(lines[1]).doesNotContain("ICBC");

        assertThat(api().get("/pledges/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api().get("/pledges?after=nonsense").json().get("errors").findValuesAsString("field"))
                .containsExactly("after");
        assertThat(api().get("/pledges?state=LOST").status()).isEqualTo(400);
        assertThat(api().get("/pledges?limit=0").status()).isEqualTo(400);
    }

    private HttpResponse<String> csv(String path) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aFuturePledgeEncumbersTheNextIssuancesUntilCoveredAndNoFurther() {
        Party owner = party("Heilongjiang Larch Co.", "PROJECT_OWNER");
        Party bank = lender("Harbin Bank");
        Party secondBank = lender("Longjiang Bank");
        UUID projectId = id(registeredProject(owner.id()));

        assertThat(api().as(bank.id(), "PROJECT_OWNER").post("/pledges", futurePledge(projectId, secondBank.id(), 10))
                .status()).as("only the owner pledges the project's issuance").isEqualTo(403);
        UUID older = id(owner.as(this).post("/pledges", futurePledge(projectId, bank.id(), 500)).expect(201));
        UUID newer = id(owner.as(this).post("/pledges", futurePledge(projectId, secondBank.id(), 500)).expect(201));
        assertThat(TestEvents.await(Topics.REGISTRY_PLEDGES, CreditsPledged.class,
                e -> e.pledgeId().equals(older), EVENTUALLY)).singleElement().satisfies(e -> {
                    assertThat(e.kind()).isEqualTo("FUTURE_ISSUANCE");
                    assertThat(e.encumbered()).isZero();
                    assertThat(e.vintage()).isNull();
                });
        JsonNode project = api().get("/projects/" + projectId).expect(200);
        assertThat(project.get("futurePledges").findValuesAsString("id")).containsExactly(older.toString(),
                newer.toString());
        assertThat(project.get("futurePledges").get(0).get("uncovered").asLong()).isEqualTo(500);

        // 700 verified, 70 to the buffer: the owner's 630 go to the older pledge (500), then the newer (130)
        issue(owner, projectId, 2023, 700);
        await().atMost(EVENTUALLY).until(() -> holding(owner, "pledged") == 630);
        assertThat(holding(owner, "available")).isZero();
        assertThat(api().get("/pledges/" + older).expect(200).get("covered").asLong()).isEqualTo(500);
        assertThat(api().get("/pledges/" + newer).expect(200).get("covered").asLong()).isEqualTo(130);
        assertThat(TestEvents.await(Topics.REGISTRY_PLEDGES, CreditsPledged.class,
                e -> e.pledgeId().equals(newer) && e.encumbered() > 0, EVENTUALLY)).singleElement()
                .satisfies(e -> assertThat(e.encumbered()).isEqualTo(130));

        // 600 verified, 540 to the owner: 370 complete the newer pledge, 170 stay available
        issue(owner, projectId, 2024, 600);
        await().atMost(EVENTUALLY).until(() -> holding(owner, "pledged") + holding(owner, "available") == 1170);
        assertThat(holding(owner, "pledged")).isEqualTo(1000);
        assertThat(holding(owner, "available")).isEqualTo(170);

        // covered: a further issuance stays the owner's
        issue(owner, projectId, 2025, 100);
        await().atMost(EVENTUALLY).until(() -> holding(owner, "available") == 260);
        assertThat(holding(owner, "pledged")).isEqualTo(1000);
        project = api().get("/projects/" + projectId).expect(200);
        assertThat(project.get("futurePledges").get(1).get("uncovered").asLong()).isZero();
        assertThat(project.get("futurePledges").get(1).get("covered").asLong()).isEqualTo(500);
        assertSound(projectId);
        assertThat(audited(newer)).containsExactly("PLEDGE_MADE", "CREDITS_ENCUMBERED", "PLEDGE_COVERED",
                "CREDITS_ENCUMBERED", "PLEDGE_COVERED");

        // the register's vintage filter finds a future pledge by the vintages encumbered under it
        assertThat(registerIds(projectId, 2023)).containsExactly(older.toString(), newer.toString());
        assertThat(registerIds(projectId, 2024)).containsExactly(newer.toString());
        assertThat(registerIds(projectId, 2025)).isEmpty();

        // a project whose future issuance stands pledged cannot be cancelled
        var cancel = owner.as(this).post("/projects/" + projectId + "/cancellation", Map.of("reason", "Stopped"));
        assertThat(cancel.status()).isEqualTo(409);
        assertThat(cancel.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:project-pledged");
        assertThat(cancel.json().get("detail").asString()).contains(older.toString()).contains(newer.toString());
        assertThat(api().get("/projects/" + projectId).expect(200).get("status").asString()).isEqualTo("REGISTERED");

        // the lenders release; then the owner may cancel
        bank.as(this).post("/pledges/" + older + "/releases", Map.of("quantity", 500)).expect(200);
        secondBank.as(this).post("/pledges/" + newer + "/releases", Map.of("quantity", 500)).expect(200);
        assertThat(holding(owner, "pledged")).isZero();
        assertThat(api().get("/projects/" + projectId).expect(200).get("futurePledges")).isEmpty();
        owner.as(this).post("/projects/" + projectId + "/cancellation", Map.of("reason", "Stopped")).expect(200);
        var late = owner.as(this).post("/pledges", futurePledge(projectId, bank.id(), 10));
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:project-not-registered");
        assertSound(projectId);
    }

    @Test
    void aPartialReleaseOfAFuturePledgeReturnsEncumberedCreditsFirstThenWaivesWhatIsNotYetIssued() {
        Party owner = party("Sichuan Panda Forest Co.", "PROJECT_OWNER");
        Party bank = lender("Bank of Chengdu");
        UUID projectId = id(registeredProject(owner.id()));
        UUID pledgeId = id(owner.as(this).post("/pledges", futurePledge(projectId, bank.id(), 1000)).expect(201));
        issue(owner, projectId, 2024, 400);
        await().atMost(EVENTUALLY).until(() -> holding(owner, "pledged") == 360);

        JsonNode released = bank.as(this).post("/pledges/" + pledgeId + "/releases", Map.of("quantity", 500))
                .expect(200);
        assertThat(released.get("state").asString()).isEqualTo("ACTIVE");
        assertThat(released.get("outstanding").asLong()).isEqualTo(500);
        assertThat(holding(owner, "pledged")).isZero();
        assertThat(holding(owner, "available")).isEqualTo(360);
        assertThat(api().get("/projects/" + projectId).expect(200).get("futurePledges").get(0).get("uncovered")
                .asLong()).as("1000 pledged - 360 covered - 140 waived").isEqualTo(500);

        issue(owner, projectId, 2025, 1000);
        await().atMost(EVENTUALLY).until(() -> holding(owner, "available") == 360 + 400);
        assertThat(holding(owner, "pledged")).isEqualTo(500);
        assertSound(projectId);
    }

    @Test
    void aRevocationCancelsThePledgedCreditsVoidsThePledgesAndTellsTheLenders() {
        Party owner = party("Hainan Mangrove Co.", "PROJECT_OWNER");
        Party bank = lender("Hainan Bank");
        UUID projectId = projectWithCredits(owner, 1000);
        UUID credits = id(owner.as(this).post("/pledges", creditsPledge(owner, projectId, bank.id(), 350))
                .expect(201));
        UUID future = id(owner.as(this).post("/pledges", futurePledge(projectId, bank.id(), 800)).expect(201));

        admin().post("/projects/" + projectId + "/revocation", Map.of("reason", "Monitoring data fabricated"))
                .expect(200);

        for (UUID pledge : List.of(credits, future)) {
            JsonNode seen = api().get("/pledges/" + pledge).expect(200);
            assertThat(seen.get("state").asString()).isEqualTo("VOIDED");
            assertThat(seen.get("outstanding").asLong()).isZero();
            assertThat(seen.get("voidReason").asString()).isEqualTo("Monitoring data fabricated");
            assertThat(audited(pledge)).last().isEqualTo("PLEDGE_VOIDED");
        }
        assertThat(TestEvents.await(Topics.REGISTRY_PLEDGES, PledgeVoided.class, e -> e.pledgeId().equals(credits),
                EVENTUALLY)).singleElement().satisfies(e -> {
                    assertThat(e.cancelledCredits()).isEqualTo(350);
                    assertThat(e.lenderId()).isEqualTo(bank.id());
                });
        assertThat(TestEvents.await(Topics.REGISTRY_PLEDGES, PledgeVoided.class, e -> e.pledgeId().equals(future),
                EVENTUALLY)).singleElement().satisfies(e -> assertThat(e.cancelledCredits()).isZero());
        assertThat(holding(owner, "pledged")).isZero();
        assertThat(holding(owner, "cancelled")).isEqualTo(900);
        assertThat(bank.as(this).post("/pledges/" + credits + "/releases", Map.of("quantity", 1)).status())
                .isEqualTo(409);
        assertSound(projectId);
    }
}
