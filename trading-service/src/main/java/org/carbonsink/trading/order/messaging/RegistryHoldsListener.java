package org.carbonsink.trading.order.messaging;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.carbonsink.contracts.CreditDeliveryFailed;
import org.carbonsink.contracts.CreditHoldRejected;
import org.carbonsink.contracts.CreditsDelivered;
import org.carbonsink.contracts.CreditsHeld;
import org.carbonsink.contracts.DeliveryStateReported;
import org.carbonsink.contracts.HoldStateReported;
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
import org.carbonsink.trading.trade.TradeFailure;
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
    private final OffBookHolds offBook;
    private final OpeningHeldOrder opening;
    private final RejectingOrder rejecting;
    private final Exchange exchange;
    private final KafkaTemplate<String, String> kafka;

    RegistryHoldsListener(IncomingEvents incomingEvents, OpeningHeldOrder opening, RejectingOrder rejecting,
            SettlingTrade settling, FailingDelivery failing, OffBookHolds offBook, Exchange exchange,
            KafkaTemplate<String, String> kafka) {
        this.exchange = exchange;
        this.kafka = kafka;
        this.offBook = offBook;
        this.opening = opening;
        this.rejecting = rejecting;
        handlers = incomingEvents.consumer("trading.registry-holds")
                // a hold of a block trade or an auction first; any other hold is a sell order's
                .on(CreditsHeld.class, e -> held(e.holdId(), e.quantity()))
                .on(CreditHoldRejected.class, e -> notHeld(e.holdId(), e.reason()))
                // the inbox's record of the delivery goes in the settlement's first round trip
                .onPipelined(CreditsDelivered.class,
                        (e, first) -> settling.settle(first, new SettleTrade(e.tradeId(), e.buyerId(), e.quantity())))
                .on(CreditDeliveryFailed.class,
                        e -> failing.fail(new FailDelivery(e.tradeId(), failure(e.code(), e.reason()))))
                // the registry's answers to the saga supervisor's questions: final, and applied where the
                // events they stand in for would be (an answer that comes after those changes nothing)
                .on(HoldStateReported.class, e -> {
                    if (HoldStateReported.HELD.equals(e.state())) {
                        held(e.holdId(), e.quantity());
                    } else {
                        notHeld(e.holdId(), e.reason());
                    }
                })
                .on(DeliveryStateReported.class, e -> {
                    if (DeliveryStateReported.DELIVERED.equals(e.state())) {
                        settling.settle(new SettleTrade(e.tradeId(), e.buyerId(), e.quantity()));
                    } else {
                        failing.fail(new FailDelivery(e.tradeId(), failure(e.code(), e.reason())));
                    }
                });
    }

    /** The contract names the one code that is the buyer's fault ({@link CreditDeliveryFailed#BUYER_NO_ACCOUNT}). */
    private static TradeFailure failure(String code, String reason) {
        return new TradeFailure(code, reason, CreditDeliveryFailed.BUYER_NO_ACCOUNT.equals(code));
    }

    private void held(UUID holdId, long quantity) {
        if (!offBook.held(holdId, quantity)) {
            opening.open(new OpenHeldOrder(holdId, quantity));
        }
    }

    private void notHeld(UUID holdId, String reason) {
        if (!offBook.rejected(holdId, reason)) {
            rejecting.reject(new RejectOrder(holdId, reason));
        }
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
