package org.carbonsink.registry.certificate.web;

import java.util.UUID;
import org.carbonsink.registry.certificate.CertificateLanguage;
import org.carbonsink.registry.certificate.RenderCertificate;
import org.carbonsink.registry.certificate.RenderingCertificates;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public: a retirement's certificate as PDF, whatever the client accepts (it is a document, not data). */
@RestController
class CertificateController {

    private final RenderingCertificates rendering;

    CertificateController(RenderingCertificates rendering) {
        this.rendering = rendering;
    }

    /** {@code lang}: zh, en, or both (the default). */
    @GetMapping("/retirements/{id}/certificate.pdf")
    ResponseEntity<byte[]> certificate(@PathVariable UUID id, @RequestParam(required = false) String lang) {
        CertificateLanguage language = CertificateLanguage.of(lang);
        byte[] pdf = rendering.render(new RenderCertificate(id, language));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename("retirement-" + id + ".pdf").build().toString())
                .body(pdf);
    }
}
