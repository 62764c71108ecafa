package org.carbonsink.verification.parameters;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.carbonsink.verification.calculation.Parameter;
import org.carbonsink.verification.calculation.SpeciesFactors;
import org.carbonsink.verification.calculation.TreeSpecies;
import org.carbonsink.verification.calculation.VolumeEquation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The versioned parameter tables a calculation looks its values up in, each value with the document
 * and table it comes from. Lookups answer only the codes that are known; the caller names the others.
 */
@Repository
public class ParameterTables {

    private final JdbcClient jdbc;

    ParameterTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version in force: the latest published. */
    public String currentVersion() {
        return jdbc.sql("select version from parameter_table order by published_on desc, version desc limit 1")
                .query(String.class).single();
    }

    /** Every table in force, row by row with its source, for the public. */
    public Map<String, Object> listing() {
        Map<String, Object> tables = new java.util.LinkedHashMap<>();
        tables.put("version", currentVersion());
        tables.put("species", rows("select * from species_parameters order by code"));
        tables.put("speciesByProvince", rows("select * from species_region_parameters order by code, province"));
        tables.put("volumeEquations", rows("select * from volume_equation order by code"));
        tables.put("soilAccumulationRates", rows("select * from soil_accumulation_rate order by land_type"));
        tables.put("soilReferenceStocks", rows("select * from soil_reference_stock order by code"));
        tables.put("soilFactors", rows("select * from soil_factor order by land_class, kind, code"));
        tables.put("referenceFigures", rows("select * from reference_figure order by code"));
        tables.put("uncertaintyBands", rows("select * from uncertainty_band order by upper_percent"));
        return tables;
    }

    /** The rows with their columns named as every other field of the API is: camelCase ({@code land_type} is {@code landType}). */
    private java.util.List<Map<String, Object>> rows(String sql) {
        return jdbc.sql(sql).query().listOfRows().stream().map(ParameterTables::camelCase).toList();
    }

    private static Map<String, Object> camelCase(Map<String, Object> row) {
        Map<String, Object> named = new java.util.LinkedHashMap<>();
        row.forEach((column, value) -> named.put(camelCase(column), value));
        return named;
    }

    static String camelCase(String column) {
        StringBuilder name = new StringBuilder(column.length());
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = name.length() > 0;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    /**
     * The species of those codes that are known; where the province has its own row for a species
     * (species_region_parameters), its factors and source replace the national ones.
     */
    public Map<String, TreeSpecies> species(Collection<String> codes, String province) {
        Map<String, TreeSpecies> found = new HashMap<>();
        if (!codes.isEmpty()) {
            jdbc.sql("""
                    select s.code, s.habitat, s.max_annual_increment,
                           coalesce(r.wood_density, s.wood_density) as wood_density,
                           coalesce(r.expansion_factor, s.expansion_factor) as expansion_factor,
                           coalesce(r.root_shoot_ratio, s.root_shoot_ratio) as root_shoot_ratio,
                           coalesce(r.carbon_fraction, s.carbon_fraction) as carbon_fraction,
                           case when r.code is null then s.source
                                else r.province || ': ' || r.source || ' (growth bound: ' || s.source || ')' end as source
                    from species_parameters s
                    left join species_region_parameters r on r.code = s.code and r.province = :province
                    where s.code in (:codes)
                    """).param("codes", codes).param("province", province == null ? "" : province)
                    .query((rs, row) -> new TreeSpecies(rs.getString("code"), rs.getString("habitat"),
                            new SpeciesFactors(rs.getBigDecimal("wood_density"), rs.getBigDecimal("expansion_factor"),
                                    rs.getBigDecimal("root_shoot_ratio"), rs.getBigDecimal("carbon_fraction")),
                            rs.getBigDecimal("max_annual_increment"), rs.getString("source")))
                    .list().forEach(s -> found.put(s.code(), s));
        }
        return found;
    }

    public Map<String, VolumeEquation> volumeEquations(Collection<String> codes) {
        Map<String, VolumeEquation> found = new HashMap<>();
        if (!codes.isEmpty()) {
            jdbc.sql("select * from volume_equation where code in (:codes)").param("codes", codes)
                    .query((rs, row) -> new VolumeEquation(rs.getString("code"), rs.getBigDecimal("b0"),
                            rs.getBigDecimal("b1"), rs.getString("name") + ". " + rs.getString("source")))
                    .list().forEach(e -> found.put(e.code(), e));
        }
        return found;
    }

    /** t C per ha and year by land type. */
    public Map<String, Parameter> accumulationRates(Collection<String> landTypes) {
        Map<String, Parameter> found = new HashMap<>();
        if (!landTypes.isEmpty()) {
            jdbc.sql("select * from soil_accumulation_rate where land_type in (:types)").param("types", landTypes)
                    .query((rs, row) -> new Parameter(rs.getString("land_type"), rs.getBigDecimal("rate"),
                            rs.getString("source")))
                    .list().forEach(p -> found.put(p.code(), p));
        }
        return found;
    }

    /** SOC_ref (t C/ha, 0-30 cm) by code. */
    public Map<String, Parameter> referenceStocks(Collection<String> codes) {
        Map<String, Parameter> found = new HashMap<>();
        if (!codes.isEmpty()) {
            jdbc.sql("select * from soil_reference_stock where code in (:codes)").param("codes", codes)
                    .query((rs, row) -> new Parameter(rs.getString("code"), rs.getBigDecimal("stock"),
                            rs.getString("climate") + ", " + rs.getString("soil") + ": " + rs.getString("source")))
                    .list().forEach(p -> found.put(p.code(), p));
        }
        return found;
    }

    /** A relative stock change factor of a land class: kind LAND_USE, MANAGEMENT or INPUT. */
    public Optional<Parameter> soilFactor(String landClass, String kind, String code) {
        return jdbc.sql("select * from soil_factor where land_class = :landClass and kind = :kind and code = :code")
                .param("landClass", landClass).param("kind", kind).param("code", code)
                .query((rs, row) -> new Parameter(rs.getString("code"), rs.getBigDecimal("factor"),
                        rs.getString("source")))
                .optional();
    }

    public Optional<Parameter> referenceFigure(String code) {
        return jdbc.sql("select * from reference_figure where code = :code").param("code", code)
                .query((rs, row) -> new Parameter(rs.getString("code"), rs.getBigDecimal("value"),
                        rs.getString("unit") + "; " + rs.getString("source")))
                .optional();
    }
}
