package org.carbonsink.trading.order.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.carbonsink.contracts.CreditDeliveryFailed;
import org.carbonsink.contracts.CreditHoldRejected;
import org.carbonsink.contracts.CreditsDelivered;
import org.carbonsink.contracts.CreditsHeld;
import org.carbonsink.contracts.Topics;
import org.carbonsink.support.messaging.IncomingEvents;
import org.carbonsink.trading.offbook.OffBookHolds;
import org.carbonsink.trading.order.Exchange;
import org.carbonsink.trading.order.FailDelivery;
import org.carbonsink.trading.order.FailingDelivery;
import org.carbonsink.trading.order.OpenHeldOrder;
import org.carbonsink.trading.order.OpeningHeldOrder;
import org.carbonsink.trading.order.RejectOrder;
import org.carbonsink.trading.order.RejectingOrder;
import org.carbonsink.trading.trade.SettleTrade;
import org.carbonsink.trading.trade.SettlingTrade;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * The registry's answers on holds and deliveries, which share one topic. They are read by this one
 * listener because two listeners in one consumer group would split the topic's partitions between
 * them, each missing the events of the other's partitions. Per instrument key, the events apply in
 * the order the registry sent them. An event about a hold or a trade this exchange does not know is
 * logged and skipped: another exchange on the same broker asked for it.
 *
 * <p>The topic is keyed by instrument id, and its partitions decide which instance owns which books
 * ({@link Exchange}): the instance that reads an instrument's hold and delivery events is the one whose
 * book they change. The partition of an instrument is the one Kafka's default partitioner gives its key.
 */
@Component
class RegistryHoldsListener implements ConsumerSeekAware {

    private final IncomingEvents.Handlers handlers;
    private final Exchange exchange;
    private final KafkaTemplate<String, String> kafka;

    RegistryHoldsListener(IncomingEvents incomingEvents, OpeningHeldOrder opening, RejectingOrder rejecting,
            SettlingTrade settling, FailingDelivery failing, OffBookHolds offBook, Exchange exchange,
            KafkaTemplate<String, String> kafka) {
        this.exchange = exchange;
        this.kafka = kafka;
        handlers = incomingEvents.consumer("trading.registry-holds")
                // a hold of a block trade or an auction first; any other hold is a sell order's
                .on(CreditsHeld.class, e -> {
                    if (!offBook.held(e.holdId(), e.quantity())) {
                        opening.open(new OpenHeldOrder(e.holdId(), e.quantity()));
                    }
                })
                .on(CreditHoldRejected.class, e -> {
                    if (!offBook.rejected(e.holdId(), e.reason())) {
                        rejecting.reject(new RejectOrder(e.holdId(), e.reason()));
                    }
                })
                .on(CreditsDelivered.class, e -> settling.settle(new SettleTrade(e.tradeId(), e.buyerId(), e.quantity())))
                .on(CreditDeliveryFailed.class, e -> failing.fail(new FailDelivery(e.tradeId(), e.reason(), buyersFault(e))));
    }

    /**
     * Only the registry's code says whose a failure is; an event without one (written before the code
     * existed) is read as the seller's hold's, the reading that lets no hold back more than it holds.
     */
    static boolean buyersFault(CreditDeliveryFailed event) {
        return CreditDeliveryFailed.BUYER_NO_ACCOUNT.equals(event.code());
    }

    @KafkaListener(topics = Topics.REGISTRY_HOLDS, groupId = "${spring.kafka.consumer.group-id}")
    void on(ConsumerRecord<String, String> record) {
        handlers.handle(record);
    }

    @Override
    public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
        int partitions = kafka.partitionsFor(Topics.REGISTRY_HOLDS).size();
        List<Integer> mine = assignments.keySet().stream().filter(p -> p.topic().equals(Topics.REGISTRY_HOLDS))
                .map(TopicPartition::partition).toList();
        exchange.assigned(mine, instrumentId -> BuiltInPartitioner.partitionForKey(
                instrumentId.getBytes(StandardCharsets.UTF_8), partitions));
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        exchange.revoked(partitions.stream().filter(p -> p.topic().equals(Topics.REGISTRY_HOLDS))
                .map(TopicPartition::partition).toList());
    }
}
