package org.carbonsink.registry.project;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.carbonsink.support.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoundaryTest {

    /**
     * The equal-area projection against the closed form for the area of a latitude-longitude cell on
     * the WGS84 ellipsoid (b² Δλ / 2 · [F(φ2) − F(φ1)], F(φ) = sinφ/(1 − e² sin²φ) + atanh(e sinφ)/e),
     * which involves no projection: within 0.001% for cells of a few kilometres anywhere in China, or
     * within the half of the last reported digit (0.00005 ha) for small ones.
     */
    @ParameterizedTest(name = "{2}-degree cell at ({0}, {1})")
    @CsvSource({ "106.0, 26.0, 0.01", "120.0, 30.0, 0.01", "87.6, 43.8, 0.05", "126.6, 45.7, 0.02",
            "109.5, 18.2, 0.001", "0.0, 0.0, 0.01" })
    void measuresAreaOnTheEllipsoid(double lon, double lat, double side) {
        BigDecimal measured = square(lon, lat, side).hectares();

        double expected = cellSquareMetres(lat, lat + side, side) / 10_000;
        assertThat(Math.abs(measured.doubleValue() - expected)).isLessThanOrEqualTo(Math.max(expected * 1e-5, 0.00005));
        assertThat(measured.scale()).isEqualTo(4);
    }

    @Test
    void measuresTheOverlapOfTwoParcels() {
        Boundary a = square(120.0, 30.0, 0.01);
        Boundary halfOver = square(120.005, 30.0, 0.01);

        BigDecimal overlap = a.overlapHectares(halfOver);

        double expected = cellSquareMetres(30.0, 30.01, 0.005) / 10_000;
        assertThat(Math.abs(overlap.doubleValue() - expected) / expected).isLessThan(1e-5);
        assertThat(halfOver.overlapHectares(a)).isEqualByComparingTo(overlap);
    }

    @Test
    void parcelsThatTouchOrLieApartShareNoLand() {
        Boundary a = square(120.0, 30.0, 0.01);

        assertThat(a.overlapHectares(square(120.01, 30.0, 0.01))).isEqualByComparingTo("0");
        assertThat(a.overlapHectares(square(120.01, 30.01, 0.01))).isEqualByComparingTo("0");
        assertThat(a.overlapHectares(square(121.0, 30.0, 0.01))).isEqualByComparingTo("0");
    }

    @Test
    void aSliverOfOverlapIsMeasuredNotIgnored() {
        Boundary a = square(120.0, 30.0, 0.01);
        // 0.0000005° of longitude (about 5 cm) along a 1.1 km edge: about 53 m²
        BigDecimal sliver = a.overlapHectares(square(120.0 - 0.01 + 0.0000005, 30.0, 0.01));

        assertThat(sliver).isBetween(new BigDecimal("0.0050"), new BigDecimal("0.0056"));
    }

    @Test
    void aMultiPolygonOverlapsByItsParts() {
        Boundary a = square(120.0, 30.0, 0.01);
        Boundary multi = Boundary.fromGeoJson("MultiPolygon", List.of(ring(121.0, 31.0, 0.01), ring(120.0, 30.005, 0.01)));

        assertThat(multi.hectares().doubleValue()).isCloseTo(
                square(121.0, 31.0, 0.01).hectares().add(square(120.0, 30.005, 0.01).hectares()).doubleValue(),
                org.assertj.core.data.Offset.offset(0.001));
        double expected = cellSquareMetres(30.005, 30.01, 0.01) / 10_000;
        assertThat(Math.abs(a.overlapHectares(multi).doubleValue() - expected) / expected).isLessThan(1e-5);
    }

    @Test
    void aHoleIsNotLand() {
        Boundary withHole = Boundary.fromGeoJson("Polygon", List.of(ring(120.0, 30.0, 0.01).get(0),
                ring(120.004, 30.004, 0.002).get(0)));

        assertThat(withHole.overlapHectares(square(120.0045, 30.0045, 0.001))).isEqualByComparingTo("0");
        assertThat(withHole.hectares()).isLessThan(square(120.0, 30.0, 0.01).hectares());
    }

    @Test
    void survivesTheRoundTripThroughTheDatabaseAndGeoJson() {
        Boundary a = square(106.0, 26.0, 0.01);
        Boundary stored = Boundary.fromWkb(a.wkb());

        assertThat(stored.hectares()).isEqualByComparingTo(a.hectares());
        assertThat(stored.toGeoJson()).isEqualTo(a.toGeoJson());
        assertThat(a.envelope().getMinX()).isEqualTo(106.0);
    }

    @Test
    void refusesWhatIsNoValidPolygonNamingTheRule() {
        assertInvalid("Point", List.of(106.0, 26.0), "geojson-type");
        assertInvalid("Feature", List.of(), "geojson-type");
        assertInvalid("Polygon", List.of(List.of(List.of(106.0, 26.0), List.of(106.01, 26.0), List.of(106.01, 26.01),
                List.of(106.0, 26.01))), "closed-ring");
        assertInvalid("Polygon", List.of(List.of(List.of(106.0, 26.0), List.of(106.01, 26.0), List.of(106.0, 26.0))),
                "ring-size");
        assertInvalid("Polygon", List.of(List.of(List.of(106.0, 26.0), List.of(106.01, 26.01), List.of(106.01, 26.0),
                List.of(106.0, 26.01), List.of(106.0, 26.0))), "valid-geometry");
        assertInvalid("Polygon", List.of(List.of(List.of(181.0, 26.0), List.of(181.01, 26.0), List.of(181.01, 26.01),
                List.of(181.0, 26.0))), "coordinate-range");
        assertInvalid("Polygon", List.of(List.of(List.of(106.0, -91.0), List.of(106.01, 26.0), List.of(106.01, 26.01),
                List.of(106.0, -91.0))), "coordinate-range");
        assertInvalid("Polygon", List.of(List.of(List.of("106", 26.0), List.of(106.01, 26.0), List.of(106.01, 26.01),
                List.of("106", 26.0))), "position");
        assertInvalid("Polygon", List.of(), "position");
        assertInvalid("MultiPolygon", List.of(), "position");
        // two parts of a MultiPolygon may not overlap each other
        assertInvalid("MultiPolygon", List.of(ring(106.0, 26.0, 0.01), ring(106.005, 26.0, 0.01)), "valid-geometry");
    }

    private static void assertInvalid(String type, List<?> coordinates, String rule) {
        assertThatThrownBy(() -> Boundary.fromGeoJson(type, coordinates))
                .isInstanceOfSatisfying(ProblemException.class, p -> {
                    assertThat(p.status().value()).isEqualTo(400);
                    assertThat(p.properties().get("errors")).asList().singleElement()
                            .isEqualTo(new ProblemException.FieldProblem("boundary", rule,
                                    ((ProblemException.FieldProblem) ((List<?>) p.properties().get("errors")).get(0))
                                            .message()));
                    assertThat(p.getMessage()).startsWith("boundary ");
                });
    }

    static Boundary square(double lon, double lat, double side) {
        return Boundary.fromGeoJson("Polygon", ring(lon, lat, side));
    }

    private static List<Object> ring(double lon, double lat, double side) {
        return List.of(List.of(List.of(lon, lat), List.of(lon + side, lat), List.of(lon + side, lat + side),
                List.of(lon, lat + side), List.of(lon, lat)));
    }

    /** The ellipsoidal area of the cell between two parallels, {@code dLonDegrees} wide. */
    private static double cellSquareMetres(double lat1, double lat2, double dLonDegrees) {
        double a = 6_378_137.0;
        double f = 1 / 298.257223563;
        double b = a * (1 - f);
        double e = Math.sqrt(f * (2 - f));
        return b * b * Math.toRadians(dLonDegrees) / 2 * (big(lat2, e) - big(lat1, e));
    }

    private static double big(double latDegrees, double e) {
        double s = Math.sin(Math.toRadians(latDegrees));
        return s / (1 - e * e * s * s) + 0.5 / e * Math.log((1 + e * s) / (1 - e * s));
    }
}
