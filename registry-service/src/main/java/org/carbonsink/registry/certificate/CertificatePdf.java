package org.carbonsink.registry.certificate;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Lays a {@link Certificate} out on one A4 page with PDFBox: a title, the facts as label and value
 * (values wrapped to the page), the permanence statement, and the QR code of the public URL. The
 * font is embedded as a subset, so the PDF shows the same text on any reader.
 */
final class CertificatePdf {

    /** The registry's zone: dates on a certificate are Beijing time. */
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC+8'");
    private static final float MARGIN = 56;
    private static final float LABEL_WIDTH = 170;
    private static final Color GREEN = new Color(0x1b, 0x6e, 0x3c);

    private CertificatePdf() {
    }

    static byte[] render(Certificate c, CertificateLanguage lang, Path fontFile) {
        boolean collection = fontFile.getFileName().toString().toLowerCase().endsWith(".ttc");
        try (PDDocument document = new PDDocument();
                TrueTypeCollection fonts = collection ? new TrueTypeCollection(fontFile.toFile()) : null) {
            PDType0Font font = collection ? PDType0Font.load(document, firstOf(fonts), true)
                    : PDType0Font.load(document, fontFile.toFile());
            PDDocumentInformation info = document.getDocumentInformation();
            info.setTitle(lang.say("核证减排量注销证明", "Certificate of retirement") + " " + c.retirementId());
            info.setSubject(c.publicUrl().toString());
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            new Layout(document, page, font).draw(c, lang);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render the certificate of retirement " + c.retirementId(), e);
        }
    }

    private static TrueTypeFont firstOf(TrueTypeCollection fonts) throws IOException {
        AtomicReference<TrueTypeFont> first = new AtomicReference<>();
        fonts.processAllFonts(font -> first.compareAndSet(null, font));
        if (first.get() == null) {
            throw new IOException("the font collection holds no font");
        }
        return first.get();
    }

    private static final class Layout {

        private final PDDocument document;
        private final PDPage page;
        private final PDType0Font font;
        private final float width;
        private float y;

        Layout(PDDocument document, PDPage page, PDType0Font font) {
            this.document = document;
            this.page = page;
            this.font = font;
            this.width = page.getMediaBox().getWidth();
            this.y = page.getMediaBox().getHeight() - MARGIN;
        }

        void draw(Certificate c, CertificateLanguage lang) throws IOException {
            try (PDPageContentStream out = new PDPageContentStream(document, page)) {
                out.setStrokingColor(GREEN);
                out.setLineWidth(3);
                out.addRect(MARGIN / 2, MARGIN / 2, width - MARGIN, page.getMediaBox().getHeight() - MARGIN);
                out.stroke();

                if (lang != CertificateLanguage.EN) {
                    centred(out, "核证减排量注销证明", 22, GREEN);
                }
                if (lang != CertificateLanguage.ZH) {
                    centred(out, "Certificate of Retirement of Verified Carbon Sink Credits", lang == CertificateLanguage.EN ? 20 : 14, GREEN);
                }
                y -= 6;
                centred(out, lang.say("碳汇登记簿", "Carbon Sink Credit Registry"), 11, Color.DARK_GRAY);
                y -= 18;

                fact(out, lang.say("证书编号", "Certificate no."), c.retirementId().toString());
                fact(out, lang.say("受益方", "Beneficiary"), c.beneficiary());
                String note = c.note() == null || c.note().isBlank() ? "" : "\n" + c.note();
                fact(out, lang.say("用途", "Purpose"), lang.say(c.purposeChinese(), c.purposeEnglish()) + note);
                fact(out, lang.say("注销数量", "Quantity retired"), String.format("%,d tCO2e", c.quantity()));
                fact(out, lang.say("序列号", "Serial numbers"), String.join("\n", c.serials()));
                fact(out, lang.say("项目", "Project"), c.projectCode() + " " + c.projectName());
                fact(out, lang.say("年份", "Vintage"), String.valueOf(c.vintage()));
                fact(out, lang.say("注销日期", "Date of retirement"), DATE.format(c.retiredAt().atZone(ZONE)));
                fact(out, lang.say("公开网址", "Public record"), c.publicUrl().toString());

                y -= 10;
                if (lang != CertificateLanguage.EN) {
                    paragraph(out, "上述减排量已在本登记簿永久注销，相应序列号不得再转让或使用。", 10, width - 2 * MARGIN);
                }
                if (lang != CertificateLanguage.ZH) {
                    paragraph(out, "The credits above are retired permanently in this registry; their serial numbers "
                            + "can never be transferred or used again.", 10, width - 2 * MARGIN);
                }

                float qrSize = 130;
                PDImageXObject qr = LosslessFactory.createFromImage(document, QrCode.of(c.publicUrl().toString(), 8));
                out.drawImage(qr, width - MARGIN - qrSize, MARGIN, qrSize, qrSize);
                text(out, lang.say("扫码查看公开记录", "Scan for the public record"), 9, MARGIN, MARGIN + 8, Color.DARK_GRAY);
            }
        }

        private void centred(PDPageContentStream out, String text, float size, Color colour) throws IOException {
            String shown = printable(text);
            float textWidth = font.getStringWidth(shown) / 1000 * size;
            y -= size * 1.4f;
            text(out, shown, size, (width - textWidth) / 2, y, colour);
        }

        /** A label on the left, its value wrapped in the column to its right. */
        private void fact(PDPageContentStream out, String label, String value) throws IOException {
            float size = 11;
            float valueX = MARGIN + LABEL_WIDTH;
            List<String> lines = wrap(value == null || value.isBlank() ? "—" : value, size, width - MARGIN - valueX);
            List<String> labels = wrap(label, 9, LABEL_WIDTH - 8);
            y -= size * 1.6f;
            float top = y;
            for (String line : labels) {
                text(out, line, 9, MARGIN, y, Color.DARK_GRAY);
                y -= 9 * 1.4f;
            }
            float labelBottom = y;
            y = top;
            for (int i = 0; i < lines.size(); i++) {
                if (i > 0) {
                    y -= size * 1.4f;
                }
                text(out, lines.get(i), size, valueX, y, Color.BLACK);
            }
            y = Math.min(y, labelBottom + 9 * 1.4f);
        }

        private void paragraph(PDPageContentStream out, String text, float size, float columnWidth) throws IOException {
            for (String line : wrap(text, size, columnWidth)) {
                y -= size * 1.5f;
                text(out, line, size, MARGIN, y, Color.DARK_GRAY);
            }
        }

        private void text(PDPageContentStream out, String text, float size, float x, float atY, Color colour)
                throws IOException {
            out.beginText();
            out.setNonStrokingColor(colour);
            out.setFont(font, size);
            out.newLineAtOffset(x, atY);
            out.showText(printable(text));
            out.endText();
        }

        /**
         * Lines that fit {@code columnWidth}: breaks at spaces where it can, anywhere in text without
         * spaces (Chinese, long serials and URLs); explicit line breaks are kept.
         */
        private List<String> wrap(String text, float size, float columnWidth) throws IOException {
            List<String> lines = new ArrayList<>();
            for (String paragraph : printable(text).split("\n")) {
                StringBuilder line = new StringBuilder();
                int lastSpace = -1;
                for (int i = 0; i < paragraph.length(); ) {
                    int cp = paragraph.codePointAt(i);
                    line.appendCodePoint(cp);
                    i += Character.charCount(cp);
                    if (cp == ' ') {
                        lastSpace = line.length() - 1;
                    }
                    if (font.getStringWidth(line.toString()) / 1000 * size > columnWidth && line.length() > 1) {
                        int cut = lastSpace > 0 ? lastSpace : line.length() - Character.charCount(cp);
                        lines.add(line.substring(0, cut).stripTrailing());
                        String rest = line.substring(lastSpace > 0 ? cut + 1 : cut);
                        line = new StringBuilder(rest);
                        lastSpace = rest.lastIndexOf(' ');
                    }
                }
                lines.add(line.toString());
            }
            return lines;
        }

        /** The text with every character the font cannot draw (and control characters) as '?'. */
        private String printable(String text) {
            StringBuilder shown = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (cp == '\n') {
                    shown.append('\n');
                    return;
                }
                String one = new String(Character.toChars(cp));
                boolean drawable;
                try {
                    drawable = !Character.isISOControl(cp) && font.encode(one).length > 0;
                } catch (IOException | IllegalArgumentException e) {
                    drawable = false;
                }
                shown.append(drawable ? one : "?");
            });
            return shown.toString();
        }
    }
}
