package org.carbonsink.localstack;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.ApiClient.Response;
import org.carbonsink.testsupport.TokenClient;
import tools.jackson.databind.JsonNode;

/**
 * The carbon-finance step of the demo (docs/pledges.md): the owner pledges credits to a bank, a
 * transfer that needs them is refused naming the pledge, the public register shows the pledge
 * without its loan terms, and the bank releases it. Logs its users in itself, so the lifecycle
 * calls it with one line.
 */
public final class PledgeDemo {

    /** Subject of the authorization server's seeded lender (docs/identity.md). */
    public static final UUID LENDER = UUID.fromString("10000000-0000-0000-0000-000000000007");

    private final ApiClient gateway;
    private final String authServer;
    private final Consumer<String> out;

    public PledgeDemo(ApiClient gateway, String authServer, Consumer<String> out) {
        this.gateway = gateway;
        this.authServer = authServer;
        this.out = out;
    }

    /** Pledges {@code quantity} of the owner's available credits of the vintage, shows the refusal, releases. */
    public JsonNode run(UUID ownerAccount, UUID projectId, int vintage, long quantity) {
        ApiClient admin = gateway.withToken(TokenClient.login(authServer, "admin", "admin-password"));
        ApiClient owner = gateway.withToken(TokenClient.login(authServer, "owner", "owner-password"));
        ApiClient bank = gateway.withToken(TokenClient.login(authServer, "lender", "lender-password"));
        Response registered = admin.post("/api/registry/participants", Map.of("subject", LENDER,
                "name", "Industrial Bank Guiyang Branch", "role", "LENDER"));
        if (registered.status() != 409) {
            step("5. The administrator registers LENDER Industrial Bank Guiyang Branch", registered, 201, "id");
        }
        String bankAccount = admin.get("/api/registry/participants/" + LENDER).expect(200).get("accountId").asString();
        Map<String, Object> pledge = new LinkedHashMap<>();
        pledge.put("kind", "CREDITS");
        pledge.put("accountId", ownerAccount);
        pledge.put("projectId", projectId);
        pledge.put("vintage", vintage);
        pledge.put("quantity", quantity);
        pledge.put("lenderId", LENDER);
        pledge.put("loanReference", "CIB-GY-2026-0815");
        pledge.put("securedAmount", "4200000.00");
        pledge.put("currency", "CNY");
        pledge.put("maturityDate", "2028-06-30");
        JsonNode made = step("5. The owner pledges " + quantity + " t of vintage " + vintage + " to the bank for a loan",
                owner.post("/api/registry/pledges", pledge), 201, "id", "state", "quantity", "outstanding",
                "securedAmount", "currency", "maturityDate");
        UUID pledgeId = UUID.fromString(made.get("id").asString());
        long available = 0;
        for (JsonNode h : owner.get("/api/registry/accounts/" + ownerAccount).expect(200).get("holdings")) {
            if (h.get("projectId").asString().equals(projectId.toString()) && h.get("vintage").asInt() == vintage) {
                available = h.get("available").asLong();
            }
        }
        step("5. A transfer of more than the " + available + " t still available is refused, naming the pledge",
                owner.post("/api/registry/accounts/" + ownerAccount + "/transfers", Map.of("toAccountId",
                        bankAccount, "projectId", projectId, "vintage", vintage, "quantity", available + 1)),
                409, "type", "detail");
        step("5. The public register shows the pledge to anyone, without the loan terms",
                gateway.get("/api/registry/pledges/" + pledgeId), 200, "lenderName", "outstanding", "state",
                "loanReference");
        return step("5. The bank releases the pledge; the credits are available again",
                bank.post("/api/registry/pledges/" + pledgeId + "/releases", Map.of("quantity", quantity)), 200,
                "state", "outstanding", "closedAt");
    }

    private JsonNode step(String title, Response response, int expectedStatus, String... shown) {
        out.accept(title);
        JsonNode body = response.expect(expectedStatus);
        for (String field : shown) {
            out.accept("     " + field + ": " + body.get(field));
        }
        return body;
    }
}
