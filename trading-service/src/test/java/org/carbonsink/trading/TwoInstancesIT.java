package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two instances on one database and one broker share the books by the consumer group's partition
 * assignment: each instrument's book is kept by exactly one of them, an order sent to the other is
 * refused with 421 naming the owner, and when an instance leaves, the other rebuilds its books from the
 * database and carries on.
 */
class TwoInstancesIT {

    @Test
    void eachBookHasOneOwnerAndTheOtherInstanceNamesItAndTakesOverWhenItLeaves() throws Exception {
        int partitions = ownershipPartitions();
        // instruments in every partition of the ownership topic, so that both instances own some
        List<String> instruments = new ArrayList<>();
        int[] perPartition = new int[partitions];
        while (Arrays.stream(perPartition).min().orElseThrow() < 2) {
            String instrument = TradingInstance.listInstrument();
            instruments.add(instrument);
            perPartition[BuiltInPartitioner.partitionForKey(instrument.getBytes(StandardCharsets.UTF_8), partitions)]++;
        }
        List<UUID> traders = TradingInstance.traders(1);
        UUID buyer = traders.get(0);
        Map<String, Object> database = TradingInstance.database("trading-two-instances");
        String group = "trading-two-instances-" + UUID.randomUUID();

        try (TradingInstance first = TradingInstance.start(database, group, null);
                TradingInstance second = TradingInstance.start(database, group, null)) {
            for (String instrument : instruments) {
                first.knows(instrument, traders);
                second.knows(instrument, traders);
            }
            first.deposit(buyer, "10000.00");
            // the group has rebalanced: both instances hold partitions, and each instrument has one owner
            await().atMost(TradingInstance.PATIENCE).until(() -> first.jdbc()
                    .sql("select count(distinct instance_id) = 2 and count(*) = :n from book_owner")
                    .param("n", partitions).query(Boolean.class).single()
                    && instruments.stream().allMatch(i -> first.owns(i) != second.owns(i)));
            assertThat(instruments).as("the books are spread over both instances")
                    .anyMatch(first::owns).anyMatch(second::owns);

            List<String> orders = new ArrayList<>();
            for (String instrument : instruments) {
                TradingInstance owner = first.owns(instrument) ? first : second;
                TradingInstance other = owner == first ? second : first;

                ApiClient.Response misdirected = other.as(buyer).post("/orders", buy(instrument));
                assertThat(misdirected.status()).as(misdirected.body()).isEqualTo(421);
                assertThat(misdirected.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:not-book-owner");
                String hint = misdirected.json().get("owner").asString();
                assertThat(hint).isEqualTo(owner.baseUrl());

                JsonNode placed = new ApiClient(hint).as(buyer).post("/orders", buy(instrument)).expect(201);
                assertThat(placed.get("status").asString()).isEqualTo("OPEN");
                orders.add(placed.get("id").asString());
                assertThat(owner.api().get("/instruments/" + instrument + "/book").expect(200).get("bids").get(0)
                        .get("quantity").asLong()).isEqualTo(1);
            }
            assertThat(money(first.as(buyer).get("/cash-accounts/" + buyer).expect(200).get("reserved")))
                    .as("refused orders reserved nothing")
                    .isEqualByComparingTo(BigDecimal.TEN.multiply(BigDecimal.valueOf(instruments.size())));

            second.close();

            // the remaining instance takes over every book, rebuilt from the database
            await().atMost(TradingInstance.PATIENCE).until(() -> instruments.stream().allMatch(first::owns));
            for (int i = 0; i < instruments.size(); i++) {
                String instrument = instruments.get(i);
                JsonNode sweep = first.as(buyer).post("/orders/" + orders.get(i) + "/cancellation", null).expect(200);
                assertThat(sweep.get("status").asString()).as("the order placed before the takeover, in %s", instrument)
                        .isEqualTo("CANCELLED");
            }
            assertThat(money(first.as(buyer).get("/cash-accounts/" + buyer).expect(200).get("reserved")))
                    .isEqualByComparingTo("0.00");
        }
    }

    /** The partitions of the ownership topic; at least three, so that two instances can split them. */
    private static int ownershipPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrapServers()))) {
            if (!admin.listTopics().names().get().contains(Topics.REGISTRY_HOLDS)) {
                admin.createTopics(List.of(new NewTopic(Topics.REGISTRY_HOLDS, 3, (short) 1))).all().get();
            }
            int partitions = admin.describeTopics(List.of(Topics.REGISTRY_HOLDS)).allTopicNames().get()
                    .get(Topics.REGISTRY_HOLDS).partitions().size();
            if (partitions < 3) {
                admin.createPartitions(Map.of(Topics.REGISTRY_HOLDS, NewPartitions.increaseTo(3))).all().get();
                partitions = 3;
            }
            return partitions;
        }
    }

    private static Map<String, Object> buy(String instrument) {
        return Map.of("instrumentId", instrument, "side", "BUY", "quantity", 1, "limitPrice", new BigDecimal("10.00"));
    }

    private static BigDecimal money(JsonNode node) {
        return node.decimalValue().setScale(2);
    }
}
