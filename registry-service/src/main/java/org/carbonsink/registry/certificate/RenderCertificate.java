package org.carbonsink.registry.certificate;

import java.util.UUID;

/** The certificate of one retirement, in the given language(s). */
public record RenderCertificate(UUID retirementId, CertificateLanguage language) {
}
