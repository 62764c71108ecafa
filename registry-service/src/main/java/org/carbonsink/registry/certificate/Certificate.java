package org.carbonsink.registry.certificate;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What a retirement certificate states: the purpose in both languages and the holder's note;
 * {@code serials} in their display form, one per range.
 */
record Certificate(UUID retirementId, String beneficiary, String purposeChinese, String purposeEnglish, String note,
        long quantity, List<String> serials,
        String projectCode, String projectName, int vintage, Instant retiredAt, URI publicUrl) {
}
