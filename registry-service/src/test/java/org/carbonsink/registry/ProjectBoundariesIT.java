package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The public map's one request for many boundaries: a GeoJSON FeatureCollection by ids or by box. */
class ProjectBoundariesIT extends RegistryIT {

    @Test
    void answersTheBoundariesInABoxAsAFeatureCollectionWithoutAToken() {
        // a corner of Inner Mongolia no other test drafts on, moved a little per run
        double lon = 111 + ThreadLocalRandom.current().nextInt(100) * 0.05;
        double lat = 41.0;
        UUID owner = id(registerParticipant("Hulunbuir Grassland Cooperative", "PROJECT_OWNER"));
        UUID validator = verifier();
        JsonNode west = draft(owner, validator, square(lon, lat, 0.005));
        JsonNode east = draft(owner, validator, square(lon + 0.02, lat, 0.005));
        JsonNode outside = draft(owner, validator, square(lon + 0.2, lat, 0.005));

        JsonNode collection = api().get("/projects/boundaries?bbox=" + (lon - 0.001) + "," + (lat - 0.001) + ","
                + (lon + 0.03) + "," + (lat + 0.01)).expect(200);
        assertThat(collection.get("type").asString()).isEqualTo("FeatureCollection");
        assertThat(collection.get("truncated").asBoolean()).isFalse();
        assertThat(ids(collection)).containsExactly(west.get("id").asString(), east.get("id").asString());
        JsonNode first = collection.get("features").get(0);
        assertThat(first.get("type").asString()).isEqualTo("Feature");
        assertThat(first.get("geometry")).isEqualTo(west.get("boundary"));
        assertThat(first.get("properties").get("code").asString()).isEqualTo(west.get("code").asString());
        assertThat(first.get("properties").get("status").asString()).isEqualTo("DRAFT");

        JsonNode limited = api().get("/projects/boundaries?limit=1&bbox=" + (lon - 0.001) + "," + (lat - 0.001) + ","
                + (lon + 0.03) + "," + (lat + 0.01)).expect(200);
        assertThat(ids(limited)).containsExactly(west.get("id").asString());
        assertThat(limited.get("truncated").asBoolean()).isTrue();

        JsonNode byIds = api().get("/projects/boundaries?ids=" + outside.get("id").asString() + "," + UUID.randomUUID()
                + "," + west.get("id").asString()).expect(200);
        assertThat(ids(byIds)).as("in code order, the unknown id left out")
                .containsExactly(west.get("id").asString(), outside.get("id").asString());
        assertThat(byIds.get("features").get(1).get("geometry")).isEqualTo(outside.get("boundary"));
    }

    @Test
    void refusesASelectionItCannotServeNamingTheParameterAndTheRule() {
        UUID some = UUID.randomUUID();
        refused("", "ids", "ids-or-bbox");
        refused("?ids=" + some + "&bbox=100,20,101,21", "bbox", "ids-or-bbox");
        refused("?ids=" + some + ",P000001", "ids", "uuid");
        String many = IntStream.range(0, 101).mapToObj(i -> UUID.randomUUID().toString()).collect(Collectors.joining(","));
        refused("?ids=" + many, "ids", "max-size");
        refused("?bbox=100,20,101", "bbox", "format");
        refused("?bbox=100,20,east,21", "bbox", "format");
        refused("?bbox=100,20,181,21", "bbox", "range");
        refused("?bbox=100,NaN,101,21", "bbox", "range");
        refused("?bbox=101,20,100,21", "bbox", "order");
        assertThat(api().get("/projects/boundaries?bbox=100,20,101,21&limit=0").status()).isEqualTo(400);
        assertThat(api().get("/projects/boundaries?bbox=100,20,101,21&limit=501").status()).isEqualTo(400);
    }

    private JsonNode draft(UUID owner, UUID validator, Map<String, Object> boundary) {
        Map<String, Object> design = design(validator);
        design.put("boundary", boundary);
        return owner(owner).post("/projects", design).expect(201);
    }

    private void refused(String query, String field, String rule) {
        var response = api().get("/projects/boundaries" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode problem = response.json();
        assertThat(problem.get("type").asString()).isEqualTo("urn:carbonsink:problem:validation");
        JsonNode error = problem.get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo(field);
        assertThat(error.get("rule").asString()).isEqualTo(rule);
    }

    private static List<String> ids(JsonNode collection) {
        List<String> ids = new ArrayList<>();
        StreamSupport.stream(collection.get("features").spliterator(), false).forEach(f -> ids.add(f.get("id").asString()));
        return ids;
    }
}
