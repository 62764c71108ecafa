package org.carbonsink.trading.cash.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carbonsink.contracts.BankTransferReceived;
import org.carbonsink.contracts.Topics;
import org.carbonsink.support.messaging.EventRefused;
import org.carbonsink.support.messaging.IncomingEvents;
import org.carbonsink.trading.cash.CashAccount;
import org.carbonsink.trading.cash.CashSource;
import org.carbonsink.trading.cash.DepositCash;
import org.carbonsink.trading.cash.DepositingCash;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The bank adapter: a transfer the bank received for a participant becomes a deposit. The bank
 * side is simulated in this project (tests and operators publish {@link BankTransferReceived}).
 */
@Component
class BankTransfersListener {

    private final IncomingEvents.Handlers handlers;

    BankTransfersListener(IncomingEvents incomingEvents, DepositingCash depositing) {
        handlers = incomingEvents.consumer("trading.bank-transfers").on(BankTransferReceived.class, e -> {
            if (!CashAccount.CNY.equals(e.currency()) || e.amount() == null || e.amount().signum() <= 0
                    || e.amount().stripTrailingZeros().scale() > 2 || e.transferId() == null || e.transferId().isBlank()) {
                throw new EventRefused("bank transfer " + e.transferId() + " is not a positive CNY amount in fen"
                        + " with a transfer id: " + e.amount() + " " + e.currency());
            }
            depositing.deposit(new DepositCash(e.participantId(), e.amount(), CashSource.BANK, null, e.transferId()));
        });
    }

    @KafkaListener(topics = Topics.TRADING_CASH, groupId = "${spring.kafka.consumer.group-id}")
    void on(ConsumerRecord<String, String> record) {
        handlers.handle(record);
    }
}
