package org.carbonsink.registry.project;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.carbonsink.support.web.ProblemException;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * A project's land: a WGS84 Polygon or MultiPolygon (GeoJSON, RFC 7946: longitude first). Areas
 * are measured on an {@link EqualAreaProjection} and reported in hectares with 4 decimals (1 m²),
 * rounded half-up once, at the end.
 */
public final class Boundary {

    static final String FIELD = "boundary";
    private static final int HECTARE_SCALE = 4;
    private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

    private final Geometry geometry;

    private Boundary(Geometry geometry) {
        this.geometry = geometry;
    }

    /**
     * The boundary of a GeoJSON geometry; anything else is refused (400) naming the field
     * {@code boundary} and the rule broken: {@code geojson-type}, {@code position},
     * {@code coordinate-range}, {@code ring-size}, {@code closed-ring} or {@code valid-geometry}.
     */
    public static Boundary fromGeoJson(String type, List<?> coordinates) {
        if (coordinates == null) {
            throw invalid("position", "needs coordinates");
        }
        Geometry geometry = switch (type == null ? "" : type) {
            case "Polygon" -> polygon(coordinates, "coordinates");
            case "MultiPolygon" -> {
                if (coordinates.isEmpty()) {
                    throw invalid("position", "MultiPolygon needs at least one polygon");
                }
                List<Polygon> polygons = new ArrayList<>();
                for (int i = 0; i < coordinates.size(); i++) {
                    polygons.add(polygon(list(coordinates.get(i), "coordinates[" + i + "]"), "coordinates[" + i + "]"));
                }
                yield WGS84.createMultiPolygon(polygons.toArray(Polygon[]::new));
            }
            default -> throw invalid("geojson-type", "must be a GeoJSON Polygon or MultiPolygon, not " + type);
        };
        TopologyValidationError error = new IsValidOp(geometry).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            throw invalid("valid-geometry", "is not a valid polygon: " + error.getMessage()
                    + (at == null ? "" : " at [" + at.x + ", " + at.y + "]"));
        }
        return new Boundary(geometry);
    }

    static Boundary fromWkb(byte[] wkb) {
        try {
            return new Boundary(new WKBReader(WGS84).read(wkb));
        } catch (ParseException e) {
            throw new IllegalStateException("stored boundary is not WKB", e);
        }
    }

    byte[] wkb() {
        return new WKBWriter(2).write(geometry);
    }

    Envelope envelope() {
        return geometry.getEnvelopeInternal();
    }

    /** The area in hectares, 4 decimals, half-up. */
    public BigDecimal hectares() {
        return hectares(geometry);
    }

    /** The area both boundaries cover, in hectares (4 decimals, half-up); zero when they only touch. */
    BigDecimal overlapHectares(Boundary other) {
        if (!geometry.getEnvelopeInternal().intersects(other.geometry.getEnvelopeInternal())) {
            return BigDecimal.ZERO.setScale(HECTARE_SCALE);
        }
        Geometry shared = OverlayNGRobust.overlay(geometry, other.geometry, OverlayNG.INTERSECTION);
        return shared.isEmpty() ? BigDecimal.ZERO.setScale(HECTARE_SCALE) : hectares(shared);
    }

    /** The boundary as a GeoJSON geometry object. */
    public Map<String, Object> toGeoJson() {
        if (geometry instanceof MultiPolygon multi) {
            List<Object> polygons = new ArrayList<>();
            for (int i = 0; i < multi.getNumGeometries(); i++) {
                polygons.add(rings((Polygon) multi.getGeometryN(i)));
            }
            return Map.of("type", "MultiPolygon", "coordinates", polygons);
        }
        return Map.of("type", "Polygon", "coordinates", rings((Polygon) geometry));
    }

    private static BigDecimal hectares(Geometry lonLat) {
        double squareMetres = EqualAreaProjection.centredOn(lonLat).squareMetres(lonLat);
        return BigDecimal.valueOf(squareMetres).movePointLeft(4).setScale(HECTARE_SCALE, RoundingMode.HALF_UP);
    }

    private static Polygon polygon(List<?> rings, String path) {
        if (rings.isEmpty()) {
            throw invalid("position", path + " needs an outer ring");
        }
        LinearRing shell = ring(list(rings.get(0), path + "[0]"), path + "[0]");
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(list(rings.get(i), path + "[" + i + "]"), path + "[" + i + "]");
        }
        return WGS84.createPolygon(shell, holes);
    }

    private static LinearRing ring(List<?> positions, String path) {
        if (positions.size() < 4) {
            throw invalid("ring-size", path + " has " + positions.size()
                    + " positions; a linear ring needs at least 4 (the first repeated as the last)");
        }
        Coordinate[] coordinates = new Coordinate[positions.size()];
        for (int i = 0; i < positions.size(); i++) {
            coordinates[i] = position(positions.get(i), path + "[" + i + "]");
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw invalid("closed-ring", path + " is not closed: its last position must repeat its first");
        }
        return WGS84.createLinearRing(coordinates);
    }

    private static Coordinate position(Object value, String path) {
        List<?> position = list(value, path);
        if (position.size() < 2 || position.size() > 3 || !(position.get(0) instanceof Number lon)
                || !(position.get(1) instanceof Number lat)) {
            throw invalid("position", path + " must be [longitude, latitude] in decimal degrees");
        }
        double x = lon.doubleValue();
        double y = lat.doubleValue();
        if (!(x >= -180 && x <= 180) || !(y >= -90 && y <= 90)) {
            throw invalid("coordinate-range", path + " = [" + x + ", " + y
                    + "] is outside WGS84: longitude in [-180, 180], latitude in [-90, 90]");
        }
        return new Coordinate(x, y);
    }

    private static List<?> list(Object value, String path) {
        if (value instanceof List<?> list) {
            return list;
        }
        throw invalid("position", path + " must be an array");
    }

    private static List<Object> rings(Polygon polygon) {
        List<Object> rings = new ArrayList<>();
        rings.add(positions(polygon.getExteriorRing().getCoordinates()));
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            rings.add(positions(polygon.getInteriorRingN(i).getCoordinates()));
        }
        return rings;
    }

    private static List<Object> positions(Coordinate[] coordinates) {
        List<Object> positions = new ArrayList<>(coordinates.length);
        for (Coordinate c : coordinates) {
            positions.add(List.of(c.x, c.y));
        }
        return positions;
    }

    private static ProblemException invalid(String rule, String message) {
        return ProblemException.invalidField(FIELD, rule, message);
    }
}
