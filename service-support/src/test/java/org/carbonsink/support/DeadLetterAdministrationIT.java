package org.carbonsink.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.support.SampleApplication.SampleHappened;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The administrator lists a service's dead letters and replays them to their topic once the cause
 * is fixed; every replay is recorded. (Other test contexts in this JVM consume the same topic, so
 * a refused event may lie there more than once: the assertions look for this context's effect.)
 */
class DeadLetterAdministrationIT extends RelayContext {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anOperatorSeesARefusedEventAndReplaysItOnceTheRuleIsFixed() {
        UUID operatorId = UUID.randomUUID();
        ApiClient operator = api().as(operatorId, "EXCHANGE_OPERATOR");
        String name = "refused-until-fixed-" + UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        SampleApplication.REFUSED_UNTIL_FIXED.add(name);
        TestEvents.send(SampleApplication.TOPIC, "dead-letter-key", new SampleHappened(eventId, Instant.now(), name));

        JsonNode letter = await().atMost(Duration.ofSeconds(30)).until(() -> deadLetter(operator, eventId),
                found -> found != null);
        assertThat(letter.get("originalTopic").asString()).isEqualTo(SampleApplication.TOPIC);
        assertThat(letter.get("key").asString()).isEqualTo("dead-letter-key");
        assertThat(letter.get("eventType").asString()).isEqualTo("SampleHappened");
        assertThat(letter.get("errorType").asString()).isEqualTo("org.carbonsink.support.messaging.EventRefused");
        assertThat(letter.get("error").asString()).contains("refused for ever");
        assertThat(letter.get("payloadExcerpt").asString()).contains(name);
        assertThat(effects(eventId)).isZero();

        SampleApplication.REFUSED_UNTIL_FIXED.remove(name);
        JsonNode replay = operator.post("/admin/dead-letters/" + SampleApplication.TOPIC + "/"
                + letter.get("partition").asInt() + "/" + letter.get("offset").asLong() + "/replay", Map.of())
                .expect(200);

        assertThat(replay.get("result").asString()).isEqualTo("SENT");
        assertThat(replay.get("replayedBy").asString()).isEqualTo(operatorId.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(eventId) == 1);
        assertThat(jdbc.sql("""
                select count(*) from dead_letter_replay where event_id = :id and replayed_by = :by and result = 'SENT'
                    and dead_letter_offset = :offset""").param("id", eventId.toString())
                .param("by", operatorId.toString()).param("offset", letter.get("offset").asLong())
                .query(Long.class).single()).isEqualTo(1);
        assertThat(deadLetter(operator, eventId).get("lastReplay").get("result").asString()).isEqualTo("SENT");
    }

    @Test
    void replayingATopicSendsBackEveryDeadLetterNotSentBackBefore() {
        ApiClient operator = api().as(UUID.randomUUID(), "EXCHANGE_OPERATOR");
        String name = "refused-batch-" + UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        SampleApplication.REFUSED_UNTIL_FIXED.add(name);
        TestEvents.send(SampleApplication.TOPIC, "batch", new SampleHappened(first, Instant.now(), name));
        TestEvents.send(SampleApplication.TOPIC, "batch", new SampleHappened(second, Instant.now(), name));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> deadLetter(operator, first) != null && deadLetter(operator, second) != null);

        SampleApplication.REFUSED_UNTIL_FIXED.remove(name);
        JsonNode replays = operator.post("/admin/dead-letters/" + SampleApplication.TOPIC + "/replay", Map.of())
                .expect(200);

        assertThat(replays.size()).isGreaterThanOrEqualTo(2);
        await().atMost(Duration.ofSeconds(30)).until(() -> effects(first) == 1 && effects(second) == 1);
        assertThat(operator.post("/admin/dead-letters/" + SampleApplication.TOPIC + "/replay", Map.of()).expect(200)
                .size()).isZero();
    }

    @Test
    void onlyTheConfiguredRoleReachesDeadLettersAndOnlyForConsumedTopics() {
        assertThat(api().as(UUID.randomUUID(), "REGISTRY_ADMINISTRATOR").get("/admin/dead-letters").status())
                .isEqualTo(403);
        assertThat(api().get("/admin/dead-letters").status()).isEqualTo(401);
        ApiClient operator = api().as(UUID.randomUUID(), "EXCHANGE_OPERATOR");
        assertThat(operator.get("/admin/dead-letters").expect(200).toString()).contains(SampleApplication.TOPIC);
        assertThat(operator.post("/admin/dead-letters/registry.credits.v1/replay", Map.of()).status()).isEqualTo(404);
        assertThat(operator.post("/admin/dead-letters/" + SampleApplication.TOPIC + "/0/999999999/replay", Map.of())
                .status()).isEqualTo(404);
    }

    private JsonNode deadLetter(ApiClient operator, UUID eventId) {
        List<JsonNode> letters = operator.get("/admin/dead-letters/" + SampleApplication.TOPIC + "?limit=1000")
                .expect(200).valueStream().filter(l -> eventId.toString().equals(l.get("eventId").asString()))
                .toList();
        return letters.isEmpty() ? null : letters.get(0);
    }

    private long effects(UUID eventId) {
        return jdbc.sql("select count(*) from sample_effect where event_id = :id").param("id", eventId)
                .query(Long.class).single();
    }

    private ApiClient api() {
        return new ApiClient("http://127.0.0.1:" + port);
    }
}
