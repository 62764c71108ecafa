package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.registry.audit.AuditTrail;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

class AuditTrailIT extends RegistryIT {

    @Autowired
    AuditTrail trail;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void appendedEntriesFormAnIntactChainThatTheAdministratorVerifies() {
        String subject = UUID.randomUUID().toString();
        transactions.executeWithoutResult(tx -> {
            trail.append("TEST_RECORDED", "test", subject, ADMINISTRATOR, Map.of("quantity", 5L, "note", "first"));
            trail.append("TEST_RECORDED", "test", subject, null, Map.of("serials", List.of(1L, 2L)));
        });

        JsonNode check = admin().get("/audit/verification").expect(200);
        assertThat(check.get("intact").asBoolean()).isTrue();
        assertThat(check.get("firstBrokenSeq").isNull()).isTrue();

        JsonNode page = admin().get("/audit/entries?subjectType=test&subjectId=" + subject).expect(200);
        assertThat(page.get("entries")).hasSize(2);
        assertThat(page.get("entries").get(0).get("details").asString()).isEqualTo("{\"note\":\"first\",\"quantity\":5}");
        assertThat(page.get("entries").get(1).get("previousHash").asString())
                .isEqualTo(page.get("entries").get(0).get("hash").asString());

        JsonNode first = admin().get("/audit/entries?limit=1&subjectType=test&subjectId=" + subject).expect(200);
        assertThat(first.get("entries")).hasSize(1);
        JsonNode last = admin().get("/audit/entries?limit=1&subjectType=test&subjectId=" + subject + "&after="
                + first.get("next").asLong()).expect(200);
        assertThat(last.get("entries").get(0).get("seq").asLong()).isGreaterThan(first.get("next").asLong());
        assertThat(last.get("next").isNull()).as("no page after the last").isTrue();
        assertThat(admin().get("/audit/entries?limit=2&subjectType=test&subjectId=" + subject).expect(200)
                .get("next").isNull()).as("a page that holds everything has no next").isTrue();

        JsonNode status = api().get("/audit/status").expect(200);
        assertThat(status.get("intact").asBoolean()).isTrue();
        assertThat(status.get("headHash").asString()).hasSize(64);
    }

    @Test
    void changingAnEntryBySqlBreaksTheChainAtThatEntry() {
        String subject = UUID.randomUUID().toString();
        transactions.executeWithoutResult(tx -> {
            trail.append("TEST_RECORDED", "test", subject, ADMINISTRATOR, Map.of("quantity", 100L));
            trail.append("TEST_RECORDED", "test", subject, ADMINISTRATOR, Map.of("quantity", 200L));
        });
        long tampered = jdbc.sql("select min(seq) from audit_entry where subject_id = :s").param("s", subject)
                .query(Long.class).single();
        String original = details(tampered);
        try {
            rewrite(tampered, "{\"quantity\":1000}");

            JsonNode check = admin().get("/audit/verification").expect(200);
            assertThat(check.get("intact").asBoolean()).isFalse();
            assertThat(check.get("firstBrokenSeq").asLong()).isEqualTo(tampered);
            assertThat(check.get("problem").asString()).contains("entry " + tampered).contains("changed");
            assertThat(api().get("/audit/status").expect(200).get("intact").asBoolean()).isFalse();
        } finally {
            rewrite(tampered, original);
        }
        assertThat(admin().get("/audit/verification").expect(200).get("intact").asBoolean()).isTrue();
    }

    @Test
    void onlyTheAdministratorReadsOrVerifiesTheTrail() {
        UUID someone = UUID.randomUUID();
        api().as(someone, "PROJECT_OWNER").get("/audit/verification").expect(403);
        api().as(someone, "VERIFIER").get("/audit/entries").expect(403);
        api().get("/audit/verification").expect(401);
        JsonNode refused = admin().get("/audit/entries?limit=0").expect(400);
        assertThat(refused.get("detail").asString()).isEqualTo("limit must be between 1 and 500");
    }

    @Test
    void theApplicationCannotChangeAnEntry() {
        transactions.executeWithoutResult(tx -> trail.append("TEST_RECORDED", "test", "x", null, Map.of()));
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> jdbc.sql("update audit_entry set action = 'OTHER'").update())
                .hasMessageContaining("append-only");
    }

    private String details(long seq) {
        return jdbc.sql("select details from audit_entry where seq = :seq").param("seq", seq).query(String.class)
                .single();
    }

    /** What an intruder with the table owner's rights could do: switch the guard off and edit a row. */
    private void rewrite(long seq, String details) {
        transactions.executeWithoutResult(tx -> {
            jdbc.sql("alter table audit_entry disable trigger audit_entry_append_only").update();
            jdbc.sql("update audit_entry set details = :d where seq = :seq").param("d", details).param("seq", seq)
                    .update();
            jdbc.sql("alter table audit_entry enable trigger audit_entry_append_only").update();
        });
    }
}
