package org.carbonsink.verification.report.web;

import java.util.List;
import org.carbonsink.verification.report.web.ReportDocument.Block;
import org.carbonsink.verification.report.web.ReportDocument.Cell;
import org.carbonsink.verification.report.web.ReportDocument.Heading;
import org.carbonsink.verification.report.web.ReportDocument.Preformatted;
import org.carbonsink.verification.report.web.ReportDocument.Table;
import org.carbonsink.verification.report.web.ReportDocument.Text;

/** The calculation report as one self-contained HTML page (bilingual title); every text is escaped. */
final class HtmlCalculationReport {

    private HtmlCalculationReport() {
    }

    static String render(ReportDocument document) {
        StringBuilder html = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <title>Calculation report</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:2em;max-width:70em;color:#222}
                table{border-collapse:collapse;margin:.5em 0 1.5em}
                th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top}
                td.n{text-align:right;font-variant-numeric:tabular-nums}
                .src{font-size:.85em;color:#555}
                pre{white-space:pre-wrap;word-break:break-all}
                </style></head><body>
                """);
        html.append("<h1>").append(esc(document.title())).append(" · 核算报告</h1>");
        for (Block block : document.blocks()) {
            if (block instanceof Heading heading) {
                html.append("<h").append(heading.level()).append('>').append(esc(heading.text())).append("</h")
                        .append(heading.level()).append('>');
            } else if (block instanceof Text text) {
                html.append("<p>").append(esc(text.text())).append("</p>");
            } else if (block instanceof Preformatted pre) {
                html.append("<pre>").append(esc(pre.text())).append("</pre>");
            } else {
                table(html, (Table) block);
            }
        }
        return html.append("</body></html>").toString();
    }

    private static void table(StringBuilder html, Table table) {
        html.append("<table>");
        if (table.head() != null) {
            html.append("<tr>");
            table.head().forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
            html.append("</tr>");
        }
        for (List<Cell> row : table.rows()) {
            html.append("<tr>");
            for (int c = 0; c < row.size(); c++) {
                Cell cell = row.get(c);
                boolean name = table.head() == null && c == 0;
                String open = name ? "<th>" : switch (cell.kind()) {
                    case FIGURE -> "<td class=\"n\">";
                    case SOURCE -> "<td class=\"src\">";
                    case STRONG -> "<td class=\"n\"><b>";
                    case PLAIN -> "<td>";
                };
                String close = name ? "</th>" : cell.kind() == Cell.Kind.STRONG ? "</b></td>" : "</td>";
                html.append(open).append(esc(cell.text())).append(close);
            }
            html.append("</tr>");
        }
        html.append("</table>");
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
