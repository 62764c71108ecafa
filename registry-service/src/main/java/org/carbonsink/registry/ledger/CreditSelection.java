package org.carbonsink.registry.ledger;

import org.carbonsink.registry.ledger.core.BlockMove;
import org.carbonsink.registry.ledger.core.SerialBlock;
import org.carbonsink.registry.ledger.core.Placement;
import java.util.List;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;

/**
 * Which of a holder's available credits of one project and vintage a command names: a quantity
 * (the lowest serials first) or exactly the serial range {@code firstSerial} to {@code lastSerial}.
 */
public record CreditSelection(Long quantity, Long firstSerial, Long lastSerial) {

    public static CreditSelection of(long quantity) {
        return new CreditSelection(quantity, null, null);
    }

    public static CreditSelection range(long first, long last) {
        return new CreditSelection(null, first, last);
    }

    /** Refuses a selection that names neither or both, or a backwards range; the problem names the field. */
    public CreditSelection {
        boolean byRange = firstSerial != null || lastSerial != null;
        if (quantity == null && !byRange) {
            throw ProblemException.invalidField("quantity", "required", "or firstSerial and lastSerial are required");
        }
        if (quantity != null && byRange) {
            throw ProblemException.invalidField("quantity", "exclusive", "cannot be given with a serial range");
        }
        if (quantity != null && quantity <= 0) {
            throw ProblemException.invalidField("quantity", "positive", "must be greater than 0");
        }
        if (byRange && (firstSerial == null || lastSerial == null)) {
            throw ProblemException.invalidField(firstSerial == null ? "firstSerial" : "lastSerial", "required",
                    "is required with a serial range");
        }
        if (byRange && (firstSerial < 1 || lastSerial < firstSerial)) {
            throw ProblemException.invalidField("lastSerial", "range", "must not be below firstSerial (" + firstSerial
                    + "), and serials start at 1");
        }
    }

    public boolean byRange() {
        return firstSerial != null;
    }

    /**
     * The move of the selected serials out of {@code available} (a holder's locked available blocks)
     * to {@code to}; too few is a 422 naming what is available, or a 409 naming the pledges when
     * some of what was asked for is pledged ({@code pledged}: the holder's pledged blocks of the
     * project and vintage).
     */
    BlockMove pick(List<SerialBlock> available, List<SerialBlock> pledged, Placement to, String projectCode,
            int vintage) {
        try {
            return byRange() ? BlockMove.takeRange(available, firstSerial, lastSerial, to)
                    : BlockMove.take(available, quantity, to);
        } catch (BlockMove.NotEnoughSerials e) {
            List<SerialBlock> inTheWay = byRange() ? pledged.stream()
                    .filter(b -> b.firstSerial() <= lastSerial && b.lastSerial() >= firstSerial).toList() : pledged;
            if (!inTheWay.isEmpty()) {
                throw pledgedRefusal(inTheWay, projectCode, vintage);
            }
            long total = available.stream().mapToLong(SerialBlock::quantity).sum();
            throw ProblemException.rule("insufficient-credits", "Not enough available credits", byRange()
                    ? "the account holds " + e.held() + " of the " + e.wanted() + " serials " + firstSerial + " to "
                            + lastSerial + " of " + projectCode + " vintage " + vintage + " as available credits"
                    : "account holds " + total + " available credits of " + projectCode + " vintage " + vintage + "; "
                            + quantity + " cannot be moved")
                    .with("available", total);
        }
    }

    /**
     * The refusal of a move (transfer, retirement, cancellation, hold) that needs pledged credits:
     * they stay where they are until the lender releases them or enforces the pledge.
     */
    static ProblemException pledgedRefusal(List<SerialBlock> pledged, String projectCode, int vintage) {
        List<UUID> pledges = pledged.stream().map(SerialBlock::pledgeId).distinct().toList();
        long quantity = pledged.stream().mapToLong(SerialBlock::quantity).sum();
        return ProblemException.conflict("credits-pledged", "The credits are pledged", pledgedReason(pledged,
                projectCode, vintage) + ": they cannot be transferred, held, retired or cancelled while the "
                + (pledges.size() == 1 ? "pledge stands" : "pledges stand"))
                .with("pledgeIds", pledges.stream().map(UUID::toString).toList()).with("pledged", quantity);
    }

    /** "60 credits of P000001 vintage 2024 are pledged under pledge <id>" */
    static String pledgedReason(List<SerialBlock> pledged, String projectCode, int vintage) {
        List<UUID> pledges = pledged.stream().map(SerialBlock::pledgeId).distinct().toList();
        long quantity = pledged.stream().mapToLong(SerialBlock::quantity).sum();
        return quantity + " credits of " + projectCode + " vintage " + vintage + " are pledged under pledge"
                + (pledges.size() == 1 ? " " : "s ") + String.join(", ", pledges.stream().map(UUID::toString).toList());
    }
}
