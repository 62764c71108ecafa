package org.carbonsink.trading.order.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carbonsink.contracts.CreditDeliveryFailed;
import org.carbonsink.contracts.CreditHoldRejected;
import org.carbonsink.contracts.CreditsDelivered;
import org.carbonsink.contracts.CreditsHeld;
import org.carbonsink.contracts.Topics;
import org.carbonsink.support.messaging.IncomingEvents;
import org.carbonsink.trading.offbook.OffBookHolds;
import org.carbonsink.trading.order.OpenHeldOrder;
import org.carbonsink.trading.order.OpeningHeldOrder;
import org.carbonsink.trading.order.RejectOrder;
import org.carbonsink.trading.order.RejectingOrder;
import org.carbonsink.trading.trade.FailTrade;
import org.carbonsink.trading.trade.FailingTrade;
import org.carbonsink.trading.trade.SettleTrade;
import org.carbonsink.trading.trade.SettlingTrade;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The registry's answers on holds and deliveries, which share one topic. They are read by this one
 * listener because two listeners in one consumer group would split the topic's partitions between
 * them, each missing the events of the other's partitions. Per instrument key, the events apply in
 * the order the registry sent them.
 */
@Component
class RegistryHoldsListener {

    private final IncomingEvents.Handlers handlers;

    RegistryHoldsListener(IncomingEvents incomingEvents, OpeningHeldOrder opening, RejectingOrder rejecting,
            SettlingTrade settling, FailingTrade failing, OffBookHolds offBook) {
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
                .on(CreditDeliveryFailed.class, e -> failing.fail(new FailTrade(e.tradeId(), e.reason())));
    }

    @KafkaListener(topics = Topics.REGISTRY_HOLDS, groupId = "${spring.kafka.consumer.group-id}")
    void on(ConsumerRecord<String, String> record) {
        handlers.handle(record);
    }
}
