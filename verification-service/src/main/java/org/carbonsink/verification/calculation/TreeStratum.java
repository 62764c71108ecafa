package org.carbonsink.verification.calculation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A stratum of trees of one species on {@code areaHectares}, measured either as mean stand volume per
 * hectare at both ends of the period or as permanent sample plots measured at both ends.
 */
public record TreeStratum(TreeSpecies species, BigDecimal areaHectares, Measurement measurement) {

    public TreeStratum {
        Objects.requireNonNull(species, "species");
        requirePositive(areaHectares, "areaHectares");
        Objects.requireNonNull(measurement, "measurement");
    }

    /** How the stratum was measured. */
    public sealed interface Measurement permits StandVolumes, SamplePlots {
    }

    /** Mean stem volume per hectare (m³/ha) at the start and the end of the period, e.g. from an inventory. */
    public record StandVolumes(BigDecimal startPerHectare, BigDecimal endPerHectare) implements Measurement {

        public StandVolumes {
            requireNotNegative(startPerHectare, "volumeStartPerHectare");
            requireNotNegative(endPerHectare, "volumeEndPerHectare");
        }
    }

    /**
     * Permanent sample plots, each measured at the start and the end; trees are turned into volume by
     * {@code equation} (null when every plot gives its volume).
     */
    public record SamplePlots(List<Plot> plots, VolumeEquation equation) implements Measurement {

        public SamplePlots {
            plots = List.copyOf(plots);
        }
    }

    /** One plot of {@code areaHectares}, measured at both ends. */
    public record Plot(BigDecimal areaHectares, PlotMeasure start, PlotMeasure end) {

        public Plot {
            requirePositive(areaHectares, "plotAreaHectares");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }
    }

    /** A plot measured once: either its stem volume, or its trees. */
    public sealed interface PlotMeasure permits PlotVolume, PlotTrees {
    }

    /** The measured stem volume in the plot, m³ (not per hectare). */
    public record PlotVolume(BigDecimal cubicMetres) implements PlotMeasure {

        public PlotVolume {
            requireNotNegative(cubicMetres, "volume");
        }
    }

    /** The trees of the plot, each with its diameter at breast height (cm) and height (m). */
    public record PlotTrees(List<Tree> trees) implements PlotMeasure {

        public PlotTrees {
            trees = List.copyOf(trees);
        }
    }

    public record Tree(BigDecimal dbhCm, BigDecimal heightM) {

        public Tree {
            requirePositive(dbhCm, "dbhCm");
            requirePositive(heightM, "heightM");
        }
    }

    static void requireNotNegative(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative: " + value);
        }
    }

    static void requirePositive(BigDecimal value, String name) {
        Objects.requireNonNull(value, name);
        if (value.signum() <= 0) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
