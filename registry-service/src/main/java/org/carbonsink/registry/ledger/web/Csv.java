package org.carbonsink.registry.ledger.web;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import org.carbonsink.support.web.CsvMessageConverter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * A public list as CSV (RFC 4180: comma-separated, CRLF, fields with a comma, quote or line break
 * quoted with doubled quotes). The next page is a {@code Link} header (rel="next") holding a
 * query-only reference, so it resolves against whatever path the client used (the gateway's too).
 * The bare cursor is also in {@code X-Next-Cursor}, as in the service's other CSV lists. Text that a
 * spreadsheet would run as a formula starts with an apostrophe. Unlike service-support's generic
 * {@code CsvMessageConverter}, the ledger chooses its columns (serial lists become one cell) and keeps
 * the {@code total} its JSON pages carry.
 */
final class Csv {

    static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    static <T> ResponseEntity<String> of(CursorPage<T> page, List<String> header, Function<T, List<?>> row,
            HttpServletRequest request) {
        StringBuilder out = new StringBuilder();
        line(out, header);
        page.items().forEach(item -> line(out, row.apply(item)));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        if (page.next() != null) {
            String next = UriComponentsBuilder.fromUriString("?" + (request.getQueryString() == null ? ""
                    : request.getQueryString())).replaceQueryParam("after", page.next()).toUriString();
            response.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
            response.header(CsvMessageConverter.NEXT_CURSOR, page.next());
        }
        return response.body(out.toString());
    }

    private static void line(StringBuilder out, List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            Object field = fields.get(i);
            String text = field == null ? "" : String.valueOf(field);
            if (field instanceof CharSequence && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
                text = "'" + text;
            }
            if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
                out.append('"').append(text.replace("\"", "\"\"")).append('"');
            } else {
                out.append(text);
            }
        }
        out.append("\r\n");
    }
}
