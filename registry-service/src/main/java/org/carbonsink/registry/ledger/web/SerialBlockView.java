package org.carbonsink.registry.ledger.web;

import org.carbonsink.registry.ledger.core.SerialBlock;
import java.util.UUID;

record SerialBlockView(String serial, UUID projectId, String projectCode, int vintage, long first, long last,
        long quantity, SerialBlock.State state, UUID holdId, UUID retirementId, UUID cancellationId) {

    static SerialBlockView of(SerialBlock b) {
        return new SerialBlockView(b.range().serial(), b.projectId(), b.projectCode(), b.vintage(), b.firstSerial(),
                b.lastSerial(), b.quantity(), b.state(), b.holdId(), b.retirementId(), b.cancellationId());
    }
}
