/**
 * Retirement certificates: a PDF per retirement (注销证明) naming the beneficiary, the purpose, the
 * quantity, the serial ranges, the project and vintage, the date, and the public URL of the
 * retirement with a QR code to it, in Chinese, English or both. Part of the ledger's public
 * disclosure of retirements: it reads them through {@code Retirements} (their serial ranges are
 * {@code core} values, which only the ledger may read) and project names through the project
 * feature's API; it stores nothing.
 *
 * <p>Chinese text needs a font with CJK glyphs embedded in the PDF: {@code carbonsink.certificate.font}
 * names a TrueType file or collection (default: Debian's fonts-wqy-zenhei), subset on embedding.
 */
package org.carbonsink.registry.ledger.certificate;
