package org.carbonsink.trading.offbook;

import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routes the registry's answers on holds to the off-book mode that asked for them. The registry
 * answers every hold on one topic, read by one listener; it asks here first and treats a hold that
 * no off-book mode owns as a sell order's.
 */
@Component
public class OffBookHolds {

    private final List<HoldOwner> owners;

    OffBookHolds(List<HoldOwner> owners) {
        this.owners = List.copyOf(owners);
    }

    /** Whether an off-book mode owns the hold and took note that its credits are held. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean held(UUID holdId, long quantity) {
        return owners.stream().anyMatch(owner -> owner.held(holdId, quantity));
    }

    /** Whether an off-book mode owns the hold and took note of the refusal. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean rejected(UUID holdId, String reason) {
        return owners.stream().anyMatch(owner -> owner.rejected(holdId, reason));
    }
}
