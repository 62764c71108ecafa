package org.carbonsink.registry.certificate;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.carbonsink.registry.ledger.Retirement;
import org.carbonsink.registry.ledger.Retirements;
import org.carbonsink.registry.ledger.RetirementPurpose;
import org.carbonsink.registry.project.Project;
import org.carbonsink.registry.project.Projects;
import org.carbonsink.support.web.ProblemException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Renders the certificate of a retirement from the public record alone: what the ledger says was
 * retired, and the project's name. The same retirement always gives the same statements.
 */
@Component
public class RenderingCertificates {

    private final Retirements retirements;
    private final Projects projects;
    private final Path font;
    private final String explorerUrl;

    RenderingCertificates(Retirements retirements, Projects projects,
            @Value("${carbonsink.certificate.font}") Path font,
            @Value("${carbonsink.certificate.explorer-url}") String explorerUrl) {
        this.retirements = retirements;
        this.projects = projects;
        this.font = font;
        this.explorerUrl = explorerUrl.endsWith("/") ? explorerUrl : explorerUrl + "/";
    }

    public byte[] render(RenderCertificate command) {
        Retirement r = retirements.find(command.retirementId())
                .orElseThrow(() -> ProblemException.notFound("retirement", command.retirementId()));
        if (!Files.isReadable(font)) {
            // an installation fault, not the caller's: say which file is missing (README: fonts)
            throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, "certificate-font-missing",
                    "Certificate font not installed",
                    "The font for certificates (carbonsink.certificate.font) is not readable: " + font);
        }
        String projectName = projects.find(r.projectId()).map(Project::name).orElse("");
        Certificate certificate = new Certificate(r.id(), r.beneficiary(), purpose(r.purpose(), true),
                purpose(r.purpose(), false), r.note(), r.quantity(),
                r.serialNumbers(), r.projectCode(), projectName, r.vintage(),
                r.retiredAt(), publicUrl(r));
        return CertificatePdf.render(certificate, command.language(), font);
    }

    /** The purposes the CCER rules name, as the certificate states them. */
    static String purpose(RetirementPurpose purpose, boolean chinese) {
        if (purpose == null) {
            return "";
        }
        return switch (purpose) {
            case COMPLIANCE_OFFSET -> chinese ? "履约抵销" : "Compliance offset";
            case EVENT_NEUTRALITY -> chinese ? "大型活动碳中和" : "Event carbon neutrality";
            case CORPORATE_NEUTRALITY -> chinese ? "企业碳中和" : "Corporate carbon neutrality";
            case VOLUNTARY_OFFSET -> chinese ? "自愿抵销" : "Voluntary offset";
        };
    }

    /** The retirement's page in the public explorer, which the QR code points to. */
    URI publicUrl(Retirement r) {
        return URI.create(explorerUrl + "#/retirements/" + r.id());
    }
}
