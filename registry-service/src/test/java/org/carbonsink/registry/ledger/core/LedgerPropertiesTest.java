package org.carbonsink.registry.ledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * Random sequences of issue, transfer, hold, release, deliver, retire, cancel, reversal, pledge,
 * pledge release and pledge enforcement on the plain-Java ledger core. After every step: every issued serial is in exactly one block
 * (conservation, no overlap), holdings are compact (no two adjacent blocks that could be one),
 * retired and cancelled blocks never change, and each account's totals per state match a simple
 * count kept beside the ledger. A refused step (too few credits) changes nothing.
 */
class LedgerPropertiesTest {

    static final UUID PROJECT = UUID.randomUUID();
    static final int ACCOUNTS = 3;
    static final UUID POOL = new UUID(0, 99);

    sealed interface Step {
    }

    record Issue(long credits, int bufferPercent) implements Step {
    }

    record Transfer(int from, int to, long quantity, boolean byRange, int offset) implements Step {
    }

    record Hold(int account, long quantity) implements Step {
    }

    record Release(int hold, long quantity) implements Step {
    }

    record Deliver(int hold, int buyer, long quantity) implements Step {
    }

    record Retire(int account, long quantity, boolean byRange, int offset) implements Step {
    }

    record Cancel(int account, long quantity) implements Step {
    }

    record Reversal(long loss) implements Step {
    }

    record Pledge(int account, long quantity, boolean byRange, int offset) implements Step {
    }

    record Unpledge(int pledge, long quantity) implements Step {
    }

    record Enforce(int pledge, int lender) implements Step {
    }

    @Provide
    Arbitrary<Step> step() {
        Arbitrary<Integer> account = Arbitraries.integers().between(0, ACCOUNTS - 1);
        Arbitrary<Long> quantity = Arbitraries.longs().between(1, 400);
        Arbitrary<Integer> offset = Arbitraries.integers().between(0, 500);
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.longs().between(1, 600), Arbitraries.integers().between(0, 40))
                        .as(Issue::new),
                Combinators.combine(account, account, quantity, Arbitraries.of(true, false), offset).as(Transfer::new),
                Combinators.combine(account, quantity).as(Hold::new),
                Combinators.combine(Arbitraries.integers().between(0, 9), quantity).as(Release::new),
                Combinators.combine(Arbitraries.integers().between(0, 9), account, quantity).as(Deliver::new),
                Combinators.combine(account, quantity, Arbitraries.of(true, false), offset).as(Retire::new),
                Combinators.combine(account, quantity).as(Cancel::new),
                Arbitraries.longs().between(1, 150).map(Reversal::new),
                Combinators.combine(account, quantity, Arbitraries.of(true, false), offset).as(Pledge::new),
                Combinators.combine(Arbitraries.integers().between(0, 9), quantity).as(Unpledge::new),
                Combinators.combine(Arbitraries.integers().between(0, 9), account).as(Enforce::new));
    }

    @Property(tries = 400)
    void everyStepConservesSerialsKeepsBlocksCompactAndNeverMovesFinalOnes(
            @ForAll @Size(min = 1, max = 60) List<@From("step") Step> steps) {
        Ledger ledger = new Ledger();
        for (Step step : steps) {
            ledger.run(step);
            ledger.check(step);
        }
    }

    /** The ledger under test, with the counts a holder would expect beside it. */
    static final class Ledger {

        final BlockSet blocks = new BlockSet();
        final Map<UUID, Conservation.Issued> issued = new HashMap<>();
        final List<UUID> accounts = new ArrayList<>();
        final List<UUID> holds = new ArrayList<>();
        final Map<UUID, UUID> holdAccount = new HashMap<>();
        final List<UUID> pledges = new ArrayList<>();
        final Map<UUID, UUID> pledgeAccount = new HashMap<>();
        final Map<UUID, Long> pledgeCount = new HashMap<>();
        final Map<String, Long> expected = new LinkedHashMap<>();
        final Map<Long, SerialBlock> finalBlocks = new HashMap<>();
        long nextSerial = 1;
        int vintage = 2020;

        Ledger() {
            for (int i = 0; i < ACCOUNTS; i++) {
                accounts.add(new UUID(0, i + 1));
            }
        }

        void run(Step step) {
            try {
                if (step instanceof Issue s) {
                    issue(s);
                } else if (step instanceof Transfer s) {
                    UUID from = accounts.get(s.from());
                    UUID to = accounts.get(s.to());
                    List<SerialBlock> available = available(from);
                    BlockMove move = s.byRange() ? range(available, s.offset(), s.quantity(), Placement.available(to))
                            : BlockMove.take(available, s.quantity(), Placement.available(to));
                    blocks.apply(move);
                    count(from, "AVAILABLE", -move.quantity());
                    count(to, "AVAILABLE", move.quantity());
                } else if (step instanceof Hold s) {
                    UUID account = accounts.get(s.account());
                    UUID hold = UUID.randomUUID();
                    BlockMove move = blocks.apply(BlockMove.take(available(account), s.quantity(),
                            Placement.held(account, hold)));
                    holds.add(hold);
                    holdAccount.put(hold, account);
                    count(account, "AVAILABLE", -move.quantity());
                    count(account, "HELD", move.quantity());
                } else if (step instanceof Release s) {
                    UUID hold = hold(s.hold());
                    if (hold == null) {
                        return;
                    }
                    UUID account = holdAccount.get(hold);
                    BlockMove move = blocks.apply(BlockMove.take(held(hold), s.quantity(),
                            Placement.available(account)));
                    count(account, "HELD", -move.quantity());
                    count(account, "AVAILABLE", move.quantity());
                } else if (step instanceof Deliver s) {
                    UUID hold = hold(s.hold());
                    if (hold == null) {
                        return;
                    }
                    UUID buyer = accounts.get(s.buyer());
                    BlockMove move = blocks.apply(BlockMove.take(held(hold), s.quantity(),
                            Placement.available(buyer)));
                    count(holdAccount.get(hold), "HELD", -move.quantity());
                    count(buyer, "AVAILABLE", move.quantity());
                } else if (step instanceof Retire s) {
                    UUID account = accounts.get(s.account());
                    Placement to = Placement.retired(account, UUID.randomUUID());
                    List<SerialBlock> available = available(account);
                    BlockMove move = blocks.apply(s.byRange() ? range(available, s.offset(), s.quantity(), to)
                            : BlockMove.take(available, s.quantity(), to));
                    count(account, "AVAILABLE", -move.quantity());
                    count(account, "RETIRED", move.quantity());
                } else if (step instanceof Cancel s) {
                    UUID account = accounts.get(s.account());
                    BlockMove move = blocks.apply(BlockMove.take(available(account), s.quantity(),
                            Placement.cancelled(account, UUID.randomUUID())));
                    count(account, "AVAILABLE", -move.quantity());
                    count(account, "CANCELLED", move.quantity());
                } else if (step instanceof Pledge s) {
                    UUID account = accounts.get(s.account());
                    UUID pledge = UUID.randomUUID();
                    Placement to = Placement.pledged(account, pledge);
                    List<SerialBlock> available = available(account);
                    BlockMove move = blocks.apply(s.byRange() ? range(available, s.offset(), s.quantity(), to)
                            : BlockMove.take(available, s.quantity(), to));
                    pledges.add(pledge);
                    pledgeAccount.put(pledge, account);
                    count(account, "AVAILABLE", -move.quantity());
                    count(account, "PLEDGED", move.quantity());
                    pledgeCount.merge(pledge, move.quantity(), Long::sum);
                } else if (step instanceof Unpledge s) {
                    UUID pledge = pledge(s.pledge());
                    if (pledge == null) {
                        return;
                    }
                    UUID account = pledgeAccount.get(pledge);
                    BlockMove move = blocks.apply(BlockMove.take(pledged(pledge), s.quantity(),
                            Placement.available(account)));
                    count(account, "PLEDGED", -move.quantity());
                    count(account, "AVAILABLE", move.quantity());
                    pledgeCount.merge(pledge, -move.quantity(), Long::sum);
                } else if (step instanceof Enforce s) {
                    UUID pledge = pledge(s.pledge());
                    if (pledge == null) {
                        return;
                    }
                    UUID lender = accounts.get(s.lender());
                    BlockMove move = blocks.apply(BlockMove.takeAll(pledged(pledge), Placement.available(lender)));
                    count(pledgeAccount.get(pledge), "PLEDGED", -move.quantity());
                    count(lender, "AVAILABLE", move.quantity());
                    pledgeCount.merge(pledge, -move.quantity(), Long::sum);
                } else if (step instanceof Reversal s) {
                    List<SerialBlock> pool = available(POOL);
                    long total = pool.stream().mapToLong(SerialBlock::quantity).sum();
                    long cancel = Math.min(total, s.loss());
                    if (cancel == 0) {
                        return;
                    }
                    BlockMove move = blocks.apply(BlockMove.take(pool, cancel,
                            Placement.cancelled(POOL, UUID.randomUUID())));
                    count(POOL, "AVAILABLE", -move.quantity());
                    count(POOL, "CANCELLED", move.quantity());
                }
            } catch (BlockMove.NotEnoughSerials refused) {
                // refused before anything was stored: check() proves nothing changed
            }
        }

        void issue(Issue s) {
            UUID issuance = UUID.randomUUID();
            long first = nextSerial;
            long last = first + s.credits() - 1;
            nextSerial = last + 1;
            long buffer = (s.credits() * s.bufferPercent() + 99) / 100;
            long owner = s.credits() - buffer;
            int v = vintage++;
            issued.put(issuance, new Conservation.Issued(first, last));
            if (owner > 0) {
                blocks.add(new SerialBlock(0, issuance, PROJECT, "P000001", v, first, first + owner - 1,
                        Placement.available(accounts.get(0))));
                count(accounts.get(0), "AVAILABLE", owner);
            }
            if (buffer > 0) {
                blocks.add(new SerialBlock(0, issuance, PROJECT, "P000001", v, first + owner, last,
                        Placement.available(POOL)));
                count(POOL, "AVAILABLE", buffer);
            }
        }

        /** A named range from the {@code offset}-th available serial of the account, {@code quantity} long. */
        BlockMove range(List<SerialBlock> available, int offset, long quantity, Placement to) {
            if (available.isEmpty()) {
                throw new BlockMove.NotEnoughSerials(0, quantity);
            }
            SerialBlock start = available.get(offset % available.size());
            long first = start.firstSerial() + offset % start.quantity();
            return BlockMove.takeRange(available, first, first + quantity - 1, to);
        }

        List<SerialBlock> available(UUID account) {
            return blocks.select(b -> b.accountId().equals(account) && b.state() == SerialBlock.State.AVAILABLE);
        }

        List<SerialBlock> held(UUID hold) {
            return blocks.select(b -> hold.equals(b.holdId()));
        }

        UUID hold(int index) {
            return holds.isEmpty() ? null : holds.get(index % holds.size());
        }

        List<SerialBlock> pledged(UUID pledge) {
            return blocks.select(b -> pledge.equals(b.pledgeId()));
        }

        UUID pledge(int index) {
            return pledges.isEmpty() ? null : pledges.get(index % pledges.size());
        }

        void count(UUID account, String state, long delta) {
            expected.merge(account + "/" + state, delta, Long::sum);
        }

        void check(Step step) {
            assertThat(Conservation.violations(blocks.all(), issued)).as("after %s", step).isEmpty();
            Map<String, Long> actual = new LinkedHashMap<>();
            blocks.all().forEach(b -> actual.merge(b.accountId() + "/" + b.state(), b.quantity(), Long::sum));
            Map<String, Long> nonZero = new LinkedHashMap<>();
            expected.forEach((k, v) -> {
                if (v != 0) {
                    nonZero.put(k, v);
                }
            });
            assertThat(actual).as("totals per account and state after %s", step).isEqualTo(nonZero);
            for (UUID pledge : pledges) {
                assertThat(pledged(pledge)).as("pledge %s after %s", pledge, step)
                        .allSatisfy(b -> assertThat(b.accountId()).isEqualTo(pledgeAccount.get(pledge)));
                assertThat(pledged(pledge).stream().mapToLong(SerialBlock::quantity).sum())
                        .as("credits pledged under %s after %s", pledge, step)
                        .isEqualTo(pledgeCount.getOrDefault(pledge, 0L));
            }
            for (SerialBlock b : blocks.all()) {
                if (b.state().isFinal()) {
                    finalBlocks.putIfAbsent(b.firstSerial(), b);
                }
            }
            finalBlocks.values().forEach(f -> assertThat(blocks.select(b -> b.firstSerial() == f.firstSerial()))
                    .as("final block %s after %s", f.range().serial(), step).singleElement()
                    .satisfies(b -> {
                        assertThat(b.lastSerial()).isEqualTo(f.lastSerial());
                        assertThat(b.placement()).isEqualTo(f.placement());
                    }));
        }
    }
}
