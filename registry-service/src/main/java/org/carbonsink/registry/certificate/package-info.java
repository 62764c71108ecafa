/**
 * Retirement certificates: a PDF per retirement (注销证明) naming the beneficiary, the purpose, the
 * quantity, the serial ranges, the project and vintage, the date, and the public URL of the
 * retirement with a QR code to it, in Chinese, English or both. A feature of its own beside
 * the ledger: it reads retirements through the ledger's API ({@code Retirements}, serial ranges in
 * their display form since {@code core} values are the ledger's own) and project names through the
 * project feature's API; it stores nothing, and neither feature depends on it.
 *
 * <p>Chinese text needs a font with CJK glyphs embedded in the PDF: {@code carbonsink.certificate.font}
 * names a TrueType file or collection (default: Debian's fonts-wqy-zenhei), subset on embedding.
 */
package org.carbonsink.registry.certificate;
