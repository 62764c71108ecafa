package org.carbonsink.verification.provenance;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.support.json.CanonicalJson;
import org.carbonsink.verification.calculation.CalculationInput;
import org.carbonsink.verification.calculation.CalculationMethod;
import org.carbonsink.verification.calculation.Parameter;
import org.carbonsink.verification.calculation.SoilAccumulationStratum;
import org.carbonsink.verification.calculation.SoilCarbonStratum;
import org.carbonsink.verification.calculation.SoilCarbonStratum.SoilFactors;
import org.carbonsink.verification.calculation.SpeciesFactors;
import org.carbonsink.verification.calculation.TreeSpecies;
import org.carbonsink.verification.calculation.TreeStratum;
import org.carbonsink.verification.calculation.TreeStratum.Plot;
import org.carbonsink.verification.calculation.TreeStratum.PlotMeasure;
import org.carbonsink.verification.calculation.TreeStratum.PlotTrees;
import org.carbonsink.verification.calculation.TreeStratum.PlotVolume;
import org.carbonsink.verification.calculation.TreeStratum.SamplePlots;
import org.carbonsink.verification.calculation.TreeStratum.StandVolumes;
import org.carbonsink.verification.calculation.TreeStratum.Tree;
import org.carbonsink.verification.calculation.UncertaintyBand;
import org.carbonsink.verification.calculation.VolumeEquation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a calculation's inputs as canonical JSON with its SHA-256, and reads them back, so that a
 * stored provenance can be recomputed by this service or by anyone with the formulas of
 * docs/domain.md. Every parameter is written with its value and its source: the recomputation needs
 * no table.
 */
public final class ProvenanceCodec {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ProvenanceCodec() {
    }

    public static Provenance encode(Provenance.Header header, CalculationInput input) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("reportId", header.reportId().toString());
        root.put("version", header.version());
        root.put("projectId", header.projectId().toString());
        root.put("methodologyCode", header.methodologyCode());
        root.put("methodologyVersion", header.methodologyVersion());
        root.put("parameterVersion", header.parameterVersion());
        root.put("formulaVersion", header.formulaVersion());
        root.put("method", input.method().name());
        root.put("periodStart", input.periodStart().toString());
        root.put("periodEnd", input.periodEnd().toString());
        root.put("baselineRemovals", input.baselineRemovals());
        root.put("leakage", input.leakage());
        root.put("projectEmissions", input.projectEmissions());
        root.put("statedUncertaintyPercent", input.statedUncertaintyPercent());
        root.put("bufferRate", input.bufferRate());
        root.put("uncertaintyBands", input.bands().stream().map(b -> Map.of("upperPercent", b.upperPercent(),
                "deductionRate", b.deductionRate())).toList());
        root.put("carbonDensityBound", input.carbonDensityBound() == null ? null : parameter(input.carbonDensityBound()));
        root.put("strata", input.treeStrata().stream().map(ProvenanceCodec::tree).toList());
        root.put("soilAccumulation", input.accumulationStrata().stream().map(s -> Map.of("landType", s.landType(),
                "areaHectares", s.areaHectares(), "rate", parameter(s.rate()))).toList());
        root.put("soilCarbon", input.soilStrata().stream().map(s -> Map.of("landClass", s.landClass(),
                "areaHectares", s.areaHectares(), "referenceStock", parameter(s.referenceStock()),
                "before", factors(s.before()), "after", factors(s.after()))).toList());
        String text = CanonicalJson.write(root);
        return new Provenance(text, sha256(text));
    }

    /** The header and input written in {@code text}; the hash of the re-encoded input is in {@link Decoded#provenance()}. */
    public static Decoded decode(String text) {
        JsonNode root = JSON.readTree(text);
        Provenance.Header header = new Provenance.Header(UUID.fromString(root.get("reportId").asString()),
                root.get("version").asInt(), UUID.fromString(root.get("projectId").asString()),
                string(root, "methodologyCode"), string(root, "methodologyVersion"), string(root, "parameterVersion"),
                string(root, "formulaVersion"));
        List<UncertaintyBand> bands = new ArrayList<>();
        root.get("uncertaintyBands").forEach(b -> bands.add(new UncertaintyBand(decimal(b, "upperPercent"),
                decimal(b, "deductionRate"))));
        List<TreeStratum> trees = new ArrayList<>();
        root.get("strata").forEach(s -> trees.add(tree(s)));
        List<SoilAccumulationStratum> accumulations = new ArrayList<>();
        root.get("soilAccumulation").forEach(s -> accumulations.add(new SoilAccumulationStratum(
                s.get("landType").asString(), decimal(s, "areaHectares"), parameter(s.get("rate")))));
        List<SoilCarbonStratum> soils = new ArrayList<>();
        root.get("soilCarbon").forEach(s -> soils.add(new SoilCarbonStratum(s.get("landClass").asString(),
                decimal(s, "areaHectares"), parameter(s.get("referenceStock")), factors(s.get("before")),
                factors(s.get("after")))));
        JsonNode bound = root.get("carbonDensityBound");
        CalculationInput input = new CalculationInput(CalculationMethod.valueOf(root.get("method").asString()),
                LocalDate.parse(root.get("periodStart").asString()), LocalDate.parse(root.get("periodEnd").asString()),
                trees, accumulations, soils, decimal(root, "baselineRemovals"), decimal(root, "leakage"),
                decimal(root, "projectEmissions"), decimal(root, "statedUncertaintyPercent"), bands,
                decimal(root, "bufferRate"), bound == null || bound.isNull() ? null : parameter(bound));
        return new Decoded(header, input, encode(header, input));
    }

    /** What a provenance text says, and the provenance re-encoded from it (its hash is the one to compare). */
    public record Decoded(Provenance.Header header, CalculationInput input, Provenance provenance) {
    }

    public static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Map<String, Object> tree(TreeStratum stratum) {
        Map<String, Object> map = new HashMap<>();
        TreeSpecies s = stratum.species();
        Map<String, Object> species = new HashMap<>();
        species.put("code", s.code());
        species.put("habitat", s.habitat());
        species.put("woodDensity", s.factors().woodDensity());
        species.put("expansionFactor", s.factors().expansionFactor());
        species.put("rootShootRatio", s.factors().rootShootRatio());
        species.put("carbonFraction", s.factors().carbonFraction());
        species.put("maxAnnualIncrement", s.maxAnnualIncrement());
        species.put("source", s.source());
        map.put("species", species);
        map.put("areaHectares", stratum.areaHectares());
        if (stratum.measurement() instanceof StandVolumes volumes) {
            map.put("volumeStartPerHectare", volumes.startPerHectare());
            map.put("volumeEndPerHectare", volumes.endPerHectare());
        } else {
            SamplePlots plots = (SamplePlots) stratum.measurement();
            VolumeEquation e = plots.equation();
            map.put("volumeEquation", e == null ? null : Map.of("code", e.code(), "b0", e.b0(), "b1", e.b1(),
                    "source", e.source()));
            map.put("plots", plots.plots().stream().map(p -> Map.of("areaHectares", p.areaHectares(),
                    "start", measure(p.start()), "end", measure(p.end()))).toList());
        }
        return map;
    }

    private static Map<String, Object> measure(PlotMeasure measure) {
        if (measure instanceof PlotVolume volume) {
            return Map.of("volume", volume.cubicMetres());
        }
        return Map.of("trees", ((PlotTrees) measure).trees().stream()
                .map(t -> Map.of("dbhCm", t.dbhCm(), "heightM", t.heightM())).toList());
    }

    private static TreeStratum tree(JsonNode node) {
        JsonNode s = node.get("species");
        TreeSpecies species = new TreeSpecies(s.get("code").asString(), s.get("habitat").asString(),
                new SpeciesFactors(decimal(s, "woodDensity"), decimal(s, "expansionFactor"),
                        decimal(s, "rootShootRatio"), decimal(s, "carbonFraction")),
                decimal(s, "maxAnnualIncrement"), s.get("source").asString());
        JsonNode plots = node.get("plots");
        if (plots == null || plots.isNull()) {
            return new TreeStratum(species, decimal(node, "areaHectares"),
                    new StandVolumes(decimal(node, "volumeStartPerHectare"), decimal(node, "volumeEndPerHectare")));
        }
        JsonNode e = node.get("volumeEquation");
        VolumeEquation equation = e == null || e.isNull() ? null : new VolumeEquation(e.get("code").asString(),
                decimal(e, "b0"), decimal(e, "b1"), e.get("source").asString());
        List<Plot> list = new ArrayList<>();
        plots.forEach(p -> list.add(new Plot(decimal(p, "areaHectares"), measure(p.get("start")),
                measure(p.get("end")))));
        return new TreeStratum(species, decimal(node, "areaHectares"), new SamplePlots(list, equation));
    }

    private static PlotMeasure measure(JsonNode node) {
        JsonNode trees = node.get("trees");
        if (trees == null || trees.isNull()) {
            return new PlotVolume(decimal(node, "volume"));
        }
        List<Tree> list = new ArrayList<>();
        trees.forEach(t -> list.add(new Tree(decimal(t, "dbhCm"), decimal(t, "heightM"))));
        return new PlotTrees(list);
    }

    private static Map<String, Object> parameter(Parameter p) {
        return Map.of("code", p.code(), "value", p.value(), "source", p.source());
    }

    private static Parameter parameter(JsonNode node) {
        return new Parameter(node.get("code").asString(), decimal(node, "value"), node.get("source").asString());
    }

    private static Map<String, Object> factors(SoilFactors f) {
        return Map.of("landUse", parameter(f.landUse()), "management", parameter(f.management()),
                "input", parameter(f.input()));
    }

    private static SoilFactors factors(JsonNode node) {
        return new SoilFactors(parameter(node.get("landUse")), parameter(node.get("management")),
                parameter(node.get("input")));
    }

    private static BigDecimal decimal(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : new BigDecimal(value.asString());
    }

    private static String string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
