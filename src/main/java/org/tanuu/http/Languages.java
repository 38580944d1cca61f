package org.tanuu.http;

import jakarta.ws.rs.core.HttpHeaders;
import java.util.List;
import java.util.Locale;
import org.tanuu.identify.InvalidRequestException;
import org.tanuu.rulebook.RuleBook;

/** The language a request asks for: {@code ?lang=} (refused when the rule book has no such language), else Accept-Language. */
final class Languages {
    private Languages() {
    }

    /** The language code to answer in, or null when the request asks for none (the response stays as it always was). */
    static String requested(RuleBook book, String lang, HttpHeaders headers) {
        if (lang != null && !lang.isBlank()) {
            String code = lang.strip().toLowerCase(Locale.ROOT);
            if (!book.translations().codes().contains(code)) {
                throw InvalidRequestException.of("lang", "no such language; expected one of " + book.translations().codes());
            }
            return code;
        }
        List<Locale> accepted = headers == null ? List.of() : headers.getAcceptableLanguages();
        boolean asked = accepted.stream().anyMatch(l -> !l.getLanguage().isEmpty() && !"*".equals(l.getLanguage()));
        return asked ? book.translations().choose(accepted.stream().map(Locale::getLanguage).toList()) : null;
    }
}
