package org.carbonsink.verification.parameters;

import org.carbonsink.verification.calculation.SpeciesFactors;

/** A species' default parameters and where they come from. */
public record SpeciesParameters(String code, String name, SpeciesFactors factors, String source) {
}
