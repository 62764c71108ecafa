package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.carbonsink.contracts.ProjectRegistered;
import org.carbonsink.contracts.Topics;
import org.carbonsink.registry.project.ProjectCalendar;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ProjectRegistrationIT extends RegistryIT {

    /** The database keeps microseconds: what a creation answers is what a read of it gives later. */
    @Test
    void aCreatedParticipantAndProjectReadBackWithTheTimesTheirCreationAnswered() {
        JsonNode participant = registerParticipant("Yunnan Forestry Bureau", "PROJECT_OWNER");
        UUID owner = id(participant);
        JsonNode draft = owner(owner).post("/projects", design(verifier())).expect(201);

        assertThat(admin().get("/participants/" + owner).expect(200).get("createdAt").asString())
                .isEqualTo(participant.get("createdAt").asString());
        assertThat(api().get("/projects/" + draft.get("id").asString()).expect(200).get("draftedAt").asString())
                .isEqualTo(draft.get("draftedAt").asString());
    }

    /**
     * Behind the gateway the client called {@code /api/registry/projects}: the Location of what it created must be
     * one it can follow there, not the service's own path (which the gateway does not route).
     */
    @Test
    void aCreationAnswersALocationItsClientCanFollowBehindTheGatewayToo() {
        UUID owner = id(registerParticipant("Jiangxi Forest Farm", "PROJECT_OWNER"));

        var direct = owner(owner).post("/projects", design(verifier()));
        var proxied = owner(owner).withHeader("X-Forwarded-Prefix", "/api/registry").post("/projects", design(verifier()));
        var forged = owner(owner).withHeader("X-Forwarded-Prefix", "//evil.example").post("/projects", design(verifier()));

        assertThat(direct.header("Location")).isEqualTo("/projects/" + direct.expect(201).get("id").asString());
        assertThat(api().get(direct.header("Location")).status()).isEqualTo(200);
        assertThat(proxied.header("Location"))
                .isEqualTo("/api/registry/projects/" + proxied.expect(201).get("id").asString());
        assertThat(forged.header("Location")).isEqualTo("/projects/" + forged.expect(201).get("id").asString());
    }

    /** An area of 25 and whole risk scores: the draft's answer gives them at the scale every later read gives. */
    @Test
    void aDraftAnswersItsFiguresAsTheyReadBack() {
        UUID owner = id(registerParticipant("Sichuan Grassland Cooperative", "PROJECT_OWNER"));
        Map<String, Object> design = design(verifier());
        design.put("risk", Map.of("internal", 6, "external", 2.5, "natural", 4));
        JsonNode draft = owner(owner).post("/projects", design).expect(201);

        JsonNode read = api().get("/projects/" + draft.get("id").asString()).expect(200);

        assertThat(draft.get("areaHectares").toString()).isEqualTo("25.0000").isEqualTo(read.get("areaHectares").toString());
        assertThat(draft.get("risk").toString()).isEqualTo(read.get("risk").toString());
        assertThat(draft.get("risk").get("rating").toString()).isEqualTo("12.50");
        assertThat(owner(owner).put("/projects/" + draft.get("id").asString(), design).expect(200).get("areaHectares")
                .toString()).isEqualTo("25.0000");
    }

    @Test
    void anOwnerTakesAProjectThroughDisclosureAndValidationToRegistration() {
        UUID owner = id(registerParticipant("Heilongjiang Forest Group", "PROJECT_OWNER"));
        UUID validator = verifier();
        Map<String, Object> design = design(validator);
        design.put("risk", Map.of("internal", 6, "external", 2, "natural", 4));
        JsonNode draft = owner(owner).post("/projects", design).expect(201);
        String path = "/projects/" + draft.get("id").asString();
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("code").asString()).matches("P\\d{6}");
        // risk 6 + 2 + 4 = 12 points, above the 10% floor
        assertThat(draft.get("bufferRate").decimalValue()).isEqualByComparingTo("0.12");
        assertThat(draft.get("risk").get("rating").decimalValue()).isEqualByComparingTo("12");
        assertThat(draft.get("boundary").get("type").asString()).isEqualTo("Polygon");
        assertThat(draft.get("boundaryHectares").decimalValue()).isBetween(new java.math.BigDecimal("25"),
                new java.math.BigDecimal("32"));

        Map<String, Object> edited = design(validator);
        edited.put("risk", Map.of("internal", 6, "external", 2, "natural", 4));
        edited.put("name", "Qiandongnan fir and masson pine afforestation");
        assertThat(owner(owner).put(path, edited).expect(200).get("name").asString())
                .isEqualTo("Qiandongnan fir and masson pine afforestation");

        JsonNode disclosed = owner(owner).post(path + "/disclosure", null).expect(200);
        LocalDate today = LocalDate.now(ProjectCalendar.CHINA);
        assertThat(disclosed.get("status").asString()).isEqualTo("PUBLIC_DISCLOSURE");
        assertThat(disclosed.get("disclosure").get("opens").asString()).isEqualTo(today.toString());
        assertThat(LocalDate.parse(disclosed.get("disclosure").get("closes").asString())).isAfter(today.plusDays(25));
        assertThat(disclosed.get("disclosure").get("open").asBoolean()).isTrue();

        var early = api().as(validator, "VERIFIER").post(path + "/validation-report", positiveReport());
        assertThat(early.status()).isEqualTo(409);
        assertThat(early.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:disclosure-open");

        clock.advance(PAST_ANY_DISCLOSURE);
        JsonNode report = api().as(validator, "VERIFIER").post(path + "/validation-report", positiveReport())
                .expect(201);
        assertThat(report.get("positive").asBoolean()).isTrue();
        clock.reset();
        JsonNode validated = api().get(path).expect(200);
        assertThat(validated.get("status").asString()).isEqualTo("VALIDATION");
        assertThat(validated.get("validationReport").get("validatorId").asString()).isEqualTo(validator.toString());

        JsonNode applied = owner(owner).post(path + "/application", null).expect(200);
        assertThat(applied.get("status").asString()).isEqualTo("REGISTRATION_APPLIED");
        assertThat(LocalDate.parse(applied.get("decisionDue").get("due").asString())).isAfter(today.plusDays(14));
        assertThat(applied.get("decisionDue").get("overdue").asBoolean()).isFalse();

        var byOwner = owner(owner).post(path + "/registration", null);
        assertThat(byOwner.status()).isEqualTo(403);
        JsonNode registered = admin().post(path + "/registration", null).expect(200);
        assertThat(registered.get("status").asString()).isEqualTo("REGISTERED");
        assertThat(registered.get("decidedBy").asString()).isEqualTo(ADMINISTRATOR.toString());
        var twice = admin().post(path + "/registration", null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:project-state-conflict");

        UUID projectId = id(registered);
        List<ProjectRegistered> events = org.carbonsink.testsupport.TestEvents.await(Topics.REGISTRY_PROJECTS,
                ProjectRegistered.class, e -> e.projectId().equals(projectId), EVENTUALLY);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.methodologyVersion()).isEqualTo("V01");
            assertThat(e.calculationMethod()).isEqualTo("FOREST_STOCK_DIFFERENCE");
            assertThat(e.creditingPeriodStart()).isEqualTo(LocalDate.of(2021, 3, 1));
            assertThat(e.creditingPeriodEnd()).isEqualTo(LocalDate.of(2051, 2, 28));
            assertThat(e.validatorId()).isEqualTo(validator);
            assertThat(e.bufferRate()).isEqualByComparingTo("0.12");
        });

        JsonNode audit = admin().get("/audit/entries?subjectType=PROJECT&subjectId=" + projectId).expect(200);
        assertThat(StreamSupport.stream(audit.get("entries").spliterator(), false)
                .map(entry -> entry.get("action").asString()).toList()).containsExactly("PROJECT_DRAFTED",
                        "PROJECT_DESIGN_EDITED", "PROJECT_DISCLOSED", "PROJECT_DISCLOSURE_CLOSED",
                        "PROJECT_VALIDATION_REPORT_FILED", "PROJECT_REGISTRATION_APPLIED", "PROJECT_REGISTERED");
        assertThat(admin().get("/audit/verification").expect(200).get("intact").asBoolean()).isTrue();
    }

    @Test
    void refusesIneligibleDesignsNamingTheRuleAndSavesNothing() {
        UUID owner = id(registerParticipant("Sichuan Grassland Co-op", "PROJECT_OWNER"));
        UUID validator = verifier();

        assertRefused(owner, validator, Map.of("constructionStart", "2012-11-08"), 422, "construction-before-cutoff",
                "constructionStart");
        assertRefused(owner, validator, Map.of("methodologyCode", "DRAFT-FARMLAND-V01", "ecosystemType", "FARMLAND"),
                422, "methodology-not-published", "methodologyCode");
        assertRefused(owner, validator, Map.of("ecosystemType", "WETLAND"), 422, "ecosystem-not-covered",
                "ecosystemType");
        assertRefused(owner, validator, Map.of("methodologyVersion", "V02"), 422, "methodology-version",
                "methodologyVersion");
        assertRefused(owner, validator, Map.of("creditingPeriodEnd", "2031-02-28"), 422, "crediting-period-bounds",
                "creditingPeriodEnd");
        assertRefused(owner, validator, Map.of("creditingPeriodStart", "2019-03-01", "creditingPeriodEnd", "2049-02-28"),
                422, "crediting-period-before-project-start", "creditingPeriodStart");
        assertRefused(owner, validator, Map.of("creditingPeriodEnd", "2061-03-01"), 422, "crediting-period-bounds",
                "creditingPeriodEnd");
        assertRefused(owner, validator, Map.of("risk", Map.of("internal", 30, "external", 20, "natural", 20)), 422,
                "risk-rating-too-high", "risk");
        UUID trader = id(registerParticipant("A trader", "TRADER"));
        assertRefused(owner, trader, Map.of(), 400, "validation", "validatorId");
        assertRefused(owner, validator, Map.of("boundary", Map.of("type", "Point", "coordinates", List.of(106, 26))),
                400, "validation", "boundary");

        Map<String, Object> missing = design(validator);
        missing.remove("name");
        missing.put("areaHectares", -3);
        var invalid = owner(owner).post("/projects", missing);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("Content-Type")).startsWith("application/problem+json");
        assertThat(invalid.json().get("errors").findValuesAsString("field")).contains("name", "areaHectares");

        Map<String, Object> badEnum = design(validator);
        badEnum.put("ecosystemType", "DESERT");
        var unreadable = owner(owner).post("/projects", badEnum);
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.json().get("errors").get(0).get("field").asString()).isEqualTo("ecosystemType");

        assertThat(api().post("/projects", design(validator)).status()).isEqualTo(401);
        assertThat(api().as(trader, "TRADER").post("/projects", design(validator)).status()).isEqualTo(403);
        // a token that claims the owner role does not make a trader an owner in the registry
        assertThat(api().as(trader, "PROJECT_OWNER").post("/projects", design(validator)).status()).isEqualTo(403);

        assertThat(api().get("/projects?ownerId=" + owner).expect(200).get("items")).isEmpty();
    }

    @Test
    void aPublishedPilotMethodologyTakesProjectsOfItsEcosystem() {
        UUID owner = id(registerParticipant("Inner Mongolia Grassland Co-op", "PROJECT_OWNER"));
        Map<String, Object> grassland = design(verifier());
        grassland.put("methodologyCode", "PILOT-GRASSLAND-V01");
        grassland.put("ecosystemType", "GRASSLAND");
        grassland.put("creditingPeriodEnd", "2041-02-28");
        grassland.put("risk", Map.of("internal", 2, "external", 2, "natural", 2));

        JsonNode draft = owner(owner).post("/projects", grassland).expect(201);

        // the pilot's buffer policy (15%) is above the 6-point risk rating and the 10% floor
        assertThat(draft.get("bufferRate").decimalValue()).isEqualByComparingTo("0.15");
    }

    @Test
    void aRoleGatedActIsRefusedBeforeItsBodyIsRead() {
        UUID trader = id(registerParticipant("A curious trader", "TRADER"));

        var register = api().as(trader, "TRADER").post("/participants", Map.of("nonsense", true));
        var reject = api().as(trader, "TRADER").post("/projects/" + UUID.randomUUID() + "/rejection", Map.of());
        var edit = api().as(trader, "TRADER").put("/methodologies/CCER-14-001-V01", Map.of("status", "DRAFT"));
        var report = api().as(trader, "TRADER").post("/projects/" + UUID.randomUUID() + "/validation-report",
                Map.of());

        assertThat(register.status()).isEqualTo(403);
        assertThat(register.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:forbidden");
        assertThat(reject.status()).isEqualTo(403);
        assertThat(edit.status()).isEqualTo(403);
        assertThat(report.status()).isEqualTo(403);
        assertThat(api().get("/methodologies/CCER-14-001-V01").expect(200).get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void theCatalogueHoldsCcerAndPilotSinkMethodologies() {
        JsonNode afforestation = api().get("/methodologies/CCER-14-001-V01").expect(200);
        assertThat(afforestation.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(afforestation.get("nameZh").asString()).isEqualTo("造林碳汇");
        assertThat(afforestation.get("version").asString()).isEqualTo("V01");
        assertThat(afforestation.get("calculationMethod").asString()).isEqualTo("FOREST_STOCK_DIFFERENCE");
        assertThat(afforestation.get("creditingPeriodMinYears").asInt()).isEqualTo(20);
        assertThat(afforestation.get("creditingPeriodMaxYears").asInt()).isEqualTo(40);
        assertThat(afforestation.get("overlapToleranceHectares").decimalValue()).isEqualByComparingTo("0.01");
        assertThat(api().get("/methodologies?status=PILOT").expect(200).findValuesAsString("code"))
                .contains("PILOT-GRASSLAND-V01", "PILOT-WETLAND-V01");
        assertThat(api().get("/methodologies/NOPE").status()).isEqualTo(404);
        UUID someone = UUID.randomUUID();
        assertThat(api().as(someone, "TRADER").post("/participants",
                Map.of("subject", someone, "name", "Me", "role", "REGISTRY_ADMINISTRATOR")).status()).isEqualTo(403);
    }

    private void assertRefused(UUID owner, UUID validator, Map<String, Object> change, int status, String type,
            String field) {
        Map<String, Object> design = new HashMap<>(design(validator));
        design.putAll(change);
        var response = owner(owner).post("/projects", design);
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:" + type);
        if (status == 400) {
            assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body()).contains(field);
        } else {
            assertThat(response.json().get("field").asString()).isEqualTo(field);
        }
    }

    private static Map<String, Object> positiveReport() {
        return Map.of("positive", true, "summary", "Design conforms to CCER-14-001-V01; additionality shown",
                "documentUrl", "https://validation.example/reports/2026-117.pdf");
    }
}
