package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.carbonsink.registry.ledger.CancelCredits;
import org.carbonsink.registry.ledger.CancellingCredits;
import org.carbonsink.registry.ledger.CreditSelection;
import org.carbonsink.registry.ledger.DeliveringCredits;
import org.carbonsink.registry.ledger.HoldingCredits;
import org.carbonsink.registry.ledger.Holdings;
import org.carbonsink.registry.ledger.IssueCredits;
import org.carbonsink.registry.ledger.IssuingCredits;
import org.carbonsink.registry.ledger.LedgerCheck;
import org.carbonsink.registry.ledger.RecordReversal;
import org.carbonsink.registry.ledger.RecordingReversals;
import org.carbonsink.registry.ledger.ReleasingCredits;
import org.carbonsink.registry.ledger.RetireCredits;
import org.carbonsink.registry.ledger.RetirementPurpose;
import org.carbonsink.registry.ledger.RetiringCredits;
import org.carbonsink.registry.ledger.TransferCredits;
import org.carbonsink.registry.ledger.TransferringCredits;
import org.carbonsink.support.web.ProblemException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Random sequences of issue, transfer, hold, release, deliver, retire, cancel and reversal through
 * the use cases and PostgreSQL (fewer than the plain-Java property test: each step is a
 * transaction). A simple count per account beside the ledger says what each step should do; after
 * every step the ledger check is sound, the holdings match the count, and no two stored blocks
 * could be one. The seed is in the test's name, so a failure can be replayed.
 */
class LedgerSequencesIT extends RegistryIT {

    static final int VINTAGE = 2024;
    static final int STEPS = 30;

    @Autowired
    IssuingCredits issuing;
    @Autowired
    TransferringCredits transferring;
    @Autowired
    HoldingCredits holding;
    @Autowired
    ReleasingCredits releasing;
    @Autowired
    DeliveringCredits delivering;
    @Autowired
    RetiringCredits retiring;
    @Autowired
    CancellingCredits cancelling;
    @Autowired
    RecordingReversals reversals;
    @Autowired
    LedgerCheck check;
    @Autowired
    Holdings holdings;
    @Autowired
    JdbcClient jdbc;

    @TestFactory
    Stream<DynamicTest> randomSequencesKeepTheLedgerSound() {
        return IntStream.range(0, 6).mapToObj(i -> 7919L * (i + 1))
                .map(seed -> dynamicTest("seed " + seed, () -> run(new Random(seed))));
    }

    record Party(UUID participant, UUID account) {
    }

    void run(Random random) {
        List<Party> parties = new ArrayList<>();
        JsonNode ownerNode = registerParticipant("Sequence owner", "PROJECT_OWNER");
        parties.add(new Party(id(ownerNode), UUID.fromString(ownerNode.get("accountId").asString())));
        for (int i = 0; i < 2; i++) {
            JsonNode trader = registerParticipant("Sequence trader " + i, "TRADER");
            parties.add(new Party(id(trader), UUID.fromString(trader.get("accountId").asString())));
        }
        UUID project = id(registeredProject(parties.get(0).participant()));
        Map<String, Long> expected = new LinkedHashMap<>();
        Map<UUID, Long> holdLeft = new HashMap<>();
        Map<UUID, Party> holdOwner = new HashMap<>();
        long[] buffer = {0};
        long[] outstandingLoss = {0};

        for (int step = 0; step < STEPS; step++) {
            int kind = step == 0 ? 0 : random.nextInt(8);
            Party party = parties.get(random.nextInt(parties.size()));
            long quantity = 1 + random.nextInt(120);
            long available = expected.getOrDefault(party.account() + "/available", 0L);
            String what;
            switch (kind) {
                case 0 -> {
                    long credits = 50 + random.nextInt(300);
                    long share = (credits + 9) / 10;
                    issuing.issue(new IssueCredits(UUID.randomUUID(), project, parties.get(0).participant(), credits,
                            share, List.of(new IssueCredits.VintageCredits(VINTAGE, credits, share))));
                    // an open loss is made good first; the credits beyond it are issued, with their own
                    // buffer share at the project's 10%
                    long madeGood = Math.min(outstandingLoss[0], credits);
                    outstandingLoss[0] -= madeGood;
                    long rest = credits - madeGood;
                    long restShare = (rest + 9) / 10;
                    add(expected, parties.get(0), "available", rest - restShare);
                    buffer[0] += restShare;
                    what = "issue " + credits;
                }
                case 1 -> {
                    Party to = parties.get(random.nextInt(parties.size()));
                    what = "transfer " + quantity + " to another account";
                    if (to.equals(party)) {
                        assertThatThrownBy(() -> transferring.transfer(new TransferCredits(party.account(),
                                party.participant(), to.account(), project, VINTAGE, CreditSelection.of(quantity))))
                                .isInstanceOf(ProblemException.class);
                    } else if (available < quantity) {
                        assertRefused(() -> transferring.transfer(new TransferCredits(party.account(),
                                party.participant(), to.account(), project, VINTAGE, CreditSelection.of(quantity))));
                    } else {
                        transferring.transfer(new TransferCredits(party.account(), party.participant(), to.account(),
                                project, VINTAGE, CreditSelection.of(quantity)));
                        add(expected, party, "available", -quantity);
                        add(expected, to, "available", quantity);
                    }
                }
                case 2 -> {
                    UUID hold = UUID.randomUUID();
                    holding.hold(new HoldingCredits.HoldCredits(hold, "I-" + project, party.participant(), project,
                            VINTAGE, quantity));
                    if (available >= quantity) {
                        holdLeft.put(hold, quantity);
                        holdOwner.put(hold, party);
                        add(expected, party, "available", -quantity);
                        add(expected, party, "held", quantity);
                    }
                    what = "hold " + quantity;
                }
                case 3 -> {
                    UUID hold = anyHold(random, holdLeft);
                    what = "release " + quantity;
                    if (hold != null) {
                        releasing.release(new ReleasingCredits.ReleaseCredits(hold, quantity));
                        long released = Math.min(quantity, holdLeft.get(hold));
                        holdLeft.merge(hold, -released, Long::sum);
                        add(expected, holdOwner.get(hold), "held", -released);
                        add(expected, holdOwner.get(hold), "available", released);
                    }
                }
                case 4 -> {
                    UUID hold = anyHold(random, holdLeft);
                    what = "deliver " + quantity + " to another account";
                    if (hold != null && !holdOwner.get(hold).equals(party)) {
                        delivering.deliver(new DeliveringCredits.DeliverCredits(UUID.randomUUID(), "I-" + project,
                                hold, holdOwner.get(hold).participant(), party.participant(), quantity));
                        if (holdLeft.get(hold) >= quantity) {
                            holdLeft.merge(hold, -quantity, Long::sum);
                            add(expected, holdOwner.get(hold), "held", -quantity);
                            add(expected, party, "available", quantity);
                        }
                    }
                }
                case 5 -> {
                    what = "retire " + quantity;
                    RetireCredits retire = new RetireCredits(party.account(), party.participant(), project, VINTAGE,
                            CreditSelection.of(quantity), "Beneficiary", RetirementPurpose.VOLUNTARY_OFFSET, null);
                    if (available < quantity) {
                        assertRefused(() -> retiring.retire(retire));
                    } else {
                        retiring.retire(retire);
                        add(expected, party, "available", -quantity);
                        add(expected, party, "retired", quantity);
                    }
                }
                case 6 -> {
                    what = "cancel " + quantity;
                    CancelCredits cancel = new CancelCredits(party.account(), party.participant(), project, VINTAGE,
                            CreditSelection.of(quantity), "Moved to another programme");
                    if (available < quantity) {
                        assertRefused(() -> cancelling.cancel(cancel));
                    } else {
                        cancelling.cancel(cancel);
                        add(expected, party, "available", -quantity);
                        add(expected, party, "cancelled", quantity);
                    }
                }
                default -> {
                    long loss = 1 + random.nextInt(40);
                    reversals.record(new RecordReversal(project, LocalDate.of(2025, 1, 1), "Windthrow", loss,
                            ADMINISTRATOR));
                    buffer[0] -= Math.min(loss, buffer[0]);
                    outstandingLoss[0] += loss;
                    what = "reversal of " + loss;
                }
            }
            verify(project, parties, expected, buffer[0], "step " + step + ": " + what);
        }
    }

    private void verify(UUID project, List<Party> parties, Map<String, Long> expected, long buffer, String after) {
        LedgerCheck.Report report = check.run(project);
        assertThat(report.violations()).as("ledger check after %s", after).isEmpty();
        assertThat(report.balances().stream().mapToLong(LedgerCheck.VintageBalance::buffer).sum())
                .as("buffer after %s", after).isEqualTo(buffer);
        for (Party party : parties) {
            Map<String, Long> actual = new HashMap<>();
            holdings.of(party.account()).stream().filter(h -> h.projectId().equals(project)).forEach(h -> {
                actual.merge("available", h.available(), Long::sum);
                actual.merge("held", h.held(), Long::sum);
                actual.merge("retired", h.retired(), Long::sum);
                actual.merge("cancelled", h.cancelled(), Long::sum);
            });
            for (String state : List.of("available", "held", "retired", "cancelled")) {
                assertThat(actual.getOrDefault(state, 0L)).as("%s of %s after %s", state, party.account(), after)
                        .isEqualTo(expected.getOrDefault(party.account() + "/" + state, 0L));
            }
        }
        assertThat(jdbc.sql("""
                select count(*) from serial_block a join serial_block b on b.first_serial = a.last_serial + 1
                where a.project_id = :p and a.issuance_id = b.issuance_id and a.account_id = b.account_id
                  and a.state = b.state and a.hold_id is not distinct from b.hold_id
                  and a.retirement_id is not distinct from b.retirement_id
                  and a.cancellation_id is not distinct from b.cancellation_id
                """).param("p", project).query(Long.class).single()).as("blocks that should be one, after %s", after)
                .isZero();
    }

    private static void assertRefused(Runnable move) {
        assertThatThrownBy(move::run).isInstanceOfSatisfying(ProblemException.class,
                e -> assertThat(e.slug()).isEqualTo("insufficient-credits"));
    }

    private static UUID anyHold(Random random, Map<UUID, Long> holdLeft) {
        List<UUID> open = holdLeft.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey).sorted()
                .toList();
        return open.isEmpty() ? null : open.get(random.nextInt(open.size()));
    }

    private static void add(Map<String, Long> expected, Party party, String state, long delta) {
        expected.merge(party.account() + "/" + state, delta, Long::sum);
    }
}
