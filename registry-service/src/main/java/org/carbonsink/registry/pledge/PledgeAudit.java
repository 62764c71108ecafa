package org.carbonsink.registry.pledge;

import java.util.LinkedHashMap;
import java.util.Map;
import org.carbonsink.registry.audit.AuditTrail;

/** Each pledge step as an entry of the audit chain (subject type {@code pledge}), with the pledge's figures after it. */
final class PledgeAudit {

    static final String SUBJECT = "pledge";

    private PledgeAudit() {
    }

    static void append(AuditTrail audit, String action, Pledge p, java.util.UUID actorId, Object... extra) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", p.kind().name());
        details.put("projectId", p.projectId().toString());
        details.put("vintage", p.vintage());
        details.put("pledgorId", p.pledgorId().toString());
        details.put("lenderId", p.lenderId().toString());
        details.put("quantity", p.quantity());
        details.put("outstanding", p.outstanding());
        details.put("pledged", p.pledged());
        details.put("state", p.state().name());
        details.put("loanReference", p.terms().loanReference());
        details.put("securedAmount", p.terms().securedAmount().toPlainString());
        details.put("currency", p.terms().currency());
        details.put("maturityDate", p.terms().maturityDate().toString());
        for (int i = 0; i + 1 < extra.length; i += 2) {
            details.put(String.valueOf(extra[i]), extra[i + 1]);
        }
        audit.append(action, SUBJECT, p.id().toString(), actorId, details);
    }
}
