package org.carbonsink.registry.ledger.certificate;

import java.util.UUID;

/** The certificate of one retirement, in the given language(s). */
public record RenderCertificate(UUID retirementId, CertificateLanguage language) {
}
