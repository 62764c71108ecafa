/**
 * The parameters of the removal calculation, held as data with their source: species defaults and
 * uncertainty deduction bands. Values marked [V] still need checking against the original document;
 * a corrected value is a data change, not a code change.
 */
package org.carbonsink.verification.parameters;
