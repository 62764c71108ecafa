package org.carbonsink.verification.report.web;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.carbonsink.verification.report.web.ReportDocument.Block;
import org.carbonsink.verification.report.web.ReportDocument.Cell;
import org.carbonsink.verification.report.web.ReportDocument.Heading;
import org.carbonsink.verification.report.web.ReportDocument.Preformatted;
import org.carbonsink.verification.report.web.ReportDocument.Table;
import org.carbonsink.verification.report.web.ReportDocument.Text;

/**
 * The calculation report as PDF (OpenPDF), from the same document as the HTML page. The text needs a
 * Unicode font for ·, ², ≤, →, Σ and the Chinese title: the first of {@link #FONTS} found on the machine
 * is embedded (fonts-wqy-zenhei gives Chinese too; DejaVu Sans the symbols only). Without any, the
 * standard Helvetica is used and those characters are spelt in ASCII.
 */
final class PdfCalculationReport {

    /** Font files tried in order; a .ttc needs the index of its face after a comma. */
    static final List<String> FONTS = List.of("/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc,0",
            "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");

    private PdfCalculationReport() {
    }

    static byte[] render(ReportDocument document) {
        Fonts fonts = Fonts.load();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document pdf = new Document(PageSize.A4.rotate(), 36, 36, 36, 36);
        try {
            PdfWriter.getInstance(pdf, out);
            pdf.addTitle(document.title());
            pdf.open();
            pdf.add(new Paragraph(fonts.text(document.title() + (fonts.chinese() ? " · 核算报告" : "")), fonts.title()));
            for (Block block : document.blocks()) {
                if (block instanceof Heading heading) {
                    Paragraph p = new Paragraph(fonts.text(heading.text()), heading.level() == 2 ? fonts.heading()
                            : fonts.subheading());
                    p.setSpacingBefore(8);
                    p.setSpacingAfter(4);
                    pdf.add(p);
                } else if (block instanceof Text text) {
                    pdf.add(new Paragraph(fonts.text(text.text()), fonts.body()));
                } else if (block instanceof Preformatted pre) {
                    Paragraph p = new Paragraph(fonts.text(pre.text()), fonts.mono());
                    p.setSpacingAfter(4);
                    pdf.add(p);
                } else {
                    pdf.add(table((Table) block, fonts));
                }
            }
            pdf.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the calculation report could not be laid out as PDF", e);
        }
        return out.toByteArray();
    }

    private static PdfPTable table(Table table, Fonts fonts) {
        int columns = table.head() != null ? table.head().size() : table.rows().get(0).size();
        PdfPTable pdf = new PdfPTable(columns);
        pdf.setWidthPercentage(table.head() == null ? 60 : 100);
        pdf.setHorizontalAlignment(Element.ALIGN_LEFT);
        pdf.setSpacingAfter(6);
        if (table.head() != null) {
            for (String head : table.head()) {
                PdfPCell cell = new PdfPCell(new Paragraph(fonts.text(head), fonts.bold()));
                cell.setBackgroundColor(new Color(235, 235, 235));
                pdf.addCell(cell);
            }
        }
        for (List<Cell> row : table.rows()) {
            for (Cell cell : row) {
                Font font = switch (cell.kind()) {
                    case SOURCE -> fonts.small();
                    case STRONG -> fonts.bold();
                    default -> fonts.body();
                };
                PdfPCell pdfCell = new PdfPCell(new Paragraph(fonts.text(cell.text()), font));
                if (cell.kind() == Cell.Kind.FIGURE || cell.kind() == Cell.Kind.STRONG) {
                    pdfCell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                pdf.addCell(pdfCell);
            }
        }
        return pdf;
    }

    private record Fonts(BaseFont base, boolean unicode, boolean chinese, Font title, Font heading, Font subheading, Font body,
            Font bold, Font small, Font mono) {

        static Fonts load() {
            for (String candidate : FONTS) {
                String file = candidate.contains(",") ? candidate.substring(0, candidate.indexOf(',')) : candidate;
                if (Files.isReadable(Path.of(file))) {
                    try {
                        return of(BaseFont.createFont(candidate, BaseFont.IDENTITY_H, BaseFont.EMBEDDED), true,
                                candidate.contains("wqy"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            }
            try {
                return of(BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED), false, false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Fonts of(BaseFont base, boolean unicode, boolean chinese) {
            return new Fonts(base, unicode, chinese, new Font(base, 16, Font.BOLD), new Font(base, 12, Font.BOLD),
                    new Font(base, 10, Font.BOLD), new Font(base, 8), new Font(base, 8, Font.BOLD),
                    new Font(base, 6.5f, Font.NORMAL, Color.DARK_GRAY), new Font(base, 7));
        }

        /** The text as the font can show it: unchanged with a Unicode font, else with ASCII spellings. */
        String text(String s) {
            if (unicode) {
                return s;
            }
            return s.replace("≤", "<=").replace("→", "->").replace("−", "-").replace("Σ", "sum ").replace("Δ", "d")
                    .replace("–", "-");
        }
    }
}
