package org.carbonsink.registry.certificate;

import java.util.Locale;
import org.carbonsink.support.web.ProblemException;

/** The languages of a certificate: Chinese, English, or both on one page (the default). */
public enum CertificateLanguage {
    ZH, EN, BOTH;

    /** {@code zh}, {@code en} or {@code both} (any case); none means both. */
    public static CertificateLanguage of(String parameter) {
        if (parameter == null || parameter.isBlank()) {
            return BOTH;
        }
        return switch (parameter.trim().toLowerCase(Locale.ROOT)) {
            case "zh", "zh-cn" -> ZH;
            case "en" -> EN;
            case "both" -> BOTH;
            default -> throw ProblemException.invalidField("lang", "OneOf", "must be zh, en or both");
        };
    }

    String say(String chinese, String english) {
        return switch (this) {
            case ZH -> chinese;
            case EN -> english;
            case BOTH -> chinese + " " + english;
        };
    }
}
