package org.carbonsink.localstack;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.carbonsink.client.registry.api.AccountApi;
import org.carbonsink.client.registry.api.PledgeApi;
import org.carbonsink.client.registry.model.Holding;
import org.carbonsink.client.registry.model.PledgeRequest;
import org.carbonsink.client.registry.model.PledgeView;
import org.carbonsink.client.registry.model.RegisterParticipantRequest;
import org.carbonsink.client.registry.model.ReleaseRequest;
import org.carbonsink.client.registry.model.TransferRequest;

/**
 * The carbon-finance step of the demo (docs/pledges.md): the owner pledges credits to a bank, a
 * transfer that needs them is refused naming the pledge, the public register shows the pledge
 * without its loan terms, and the bank releases it. Through the lifecycle's generated client, with
 * the tokens {@link Lifecycle#registerParticipants} logged in (the bank's among them).
 */
public final class PledgeDemo {

    /** Subject of the authorization server's seeded lender (docs/identity.md). */
    public static final UUID LENDER = UUID.fromString("10000000-0000-0000-0000-000000000007");

    /** What the demo showed: the pledge as made, the refused transfer, the public view, the release. */
    public record Shown(PledgeView pledged, Lifecycle.Refusal refusedTransfer, PledgeView publicView,
            PledgeView released) {
    }

    private final Lifecycle lifecycle;

    public PledgeDemo(Lifecycle lifecycle) {
        this.lifecycle = lifecycle;
    }

    /** Pledges {@code quantity} of the owner's available credits of the vintage, shows the refusal, releases. */
    public Shown run(UUID ownerAccount, UUID projectId, int vintage, long quantity) {
        UUID bankAccount = lifecycle.participant(LENDER, "Industrial Bank Guiyang Branch",
                RegisterParticipantRequest.RoleEnum.LENDER).getAccountId();
        PledgeView pledged = lifecycle.step("5. The owner pledges " + quantity + " t of vintage " + vintage
                        + " to the bank for a loan",
                () -> lifecycle.client(Lifecycle.OWNER).registry(PledgeApi::new).pledge(new PledgeRequest()
                        .kind(PledgeRequest.KindEnum.CREDITS).accountId(ownerAccount).projectId(projectId)
                        .vintage(vintage).quantity(quantity).lenderId(LENDER).loanReference("CIB-GY-2026-0815")
                        .securedAmount(new BigDecimal("4200000.00")).currency("CNY")
                        .maturityDate(LocalDate.parse("2028-06-30"))),
                "id", "state", "quantity", "outstanding", "securedAmount", "currency", "maturityDate");
        long available = lifecycle.account(Lifecycle.OWNER, ownerAccount).getHoldings().stream()
                .filter(holding -> projectId.equals(holding.getProjectId()) && holding.getVintage() == vintage)
                .mapToLong(Holding::getAvailable).sum();
        Lifecycle.Refusal refused = lifecycle.refusal("5. A transfer of more than the " + available
                        + " t still available is refused, naming the pledge",
                () -> lifecycle.client(Lifecycle.OWNER).registry(AccountApi::new).transfer(ownerAccount,
                        new TransferRequest().toAccountId(bankAccount).projectId(projectId).vintage(vintage)
                                .quantity(available + 1)),
                409, "type", "detail");
        PledgeView shown = lifecycle.step("5. The public register shows the pledge to anyone, without the loan terms",
                () -> lifecycle.anonymous().registry(PledgeApi::new).getPledge(pledged.getId()), "lenderName",
                "outstanding", "state", "loanReference");
        PledgeView released = lifecycle.step("5. The bank releases the pledge; the credits are available again",
                () -> lifecycle.client(LENDER).registry(PledgeApi::new).releasePledge(pledged.getId(),
                        new ReleaseRequest().quantity(quantity)),
                "state", "outstanding", "closedAt");
        return new Shown(pledged, refused, shown, released);
    }
}
