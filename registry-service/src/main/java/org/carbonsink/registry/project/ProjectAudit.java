package org.carbonsink.registry.project;

import java.util.LinkedHashMap;
import java.util.Map;

/** How lifecycle changes are described in the audit trail. */
final class ProjectAudit {

    static final String SUBJECT = "PROJECT";

    private ProjectAudit() {
    }

    static Map<String, Object> design(Project p) {
        ProjectDesign d = p.design();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("code", p.code());
        details.put("name", d.name());
        details.put("methodology", d.methodologyCode() + " " + d.methodologyVersion());
        details.put("ecosystemType", d.ecosystemType().name());
        details.put("province", d.province());
        details.put("county", d.county());
        details.put("areaHectares", d.areaHectares().toPlainString());
        details.put("boundaryHectares", d.boundary().hectares().toPlainString());
        details.put("constructionStart", d.constructionStart().toString());
        details.put("creditingPeriod", d.creditingPeriodStart() + "/" + d.creditingPeriodEnd());
        details.put("validatorId", d.validatorId().toString());
        details.put("riskRating", d.risk().total().toPlainString());
        details.put("bufferRate", p.bufferRate().toPlainString());
        return details;
    }

    /** A change of state: the states before and after, and anything else worth keeping. */
    static Map<String, Object> transition(Project before, Project.Status after, Object... more) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("code", before.code());
        details.put("from", before.status().name());
        details.put("to", after.name());
        for (int i = 0; i + 1 < more.length; i += 2) {
            details.put(String.valueOf(more[i]), more[i + 1] == null ? null : String.valueOf(more[i + 1]));
        }
        return details;
    }
}
