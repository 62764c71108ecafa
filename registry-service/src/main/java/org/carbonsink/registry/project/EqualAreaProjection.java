package org.carbonsink.registry.project;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * Lambert azimuthal equal-area projection of the WGS84 ellipsoid, centred on a point (Snyder,
 * "Map Projections: A Working Manual", USGS PP 1395, 1987, pp. 187-190): geodetic latitudes become
 * authalic latitudes on the sphere of equal surface (radius R_q), which the spherical projection
 * maps to the plane without changing any area. An area measured in the plane is therefore the
 * ellipsoidal area of the polygon whose edges are straight lines in the projection; for parcels
 * up to tens of kilometres across this differs from the geodesic-edged polygon by far less than
 * 0.01%. Coordinates are doubles: this is geometry, not carbon, and is rounded once where hectares
 * are reported ({@link Boundary}).
 */
final class EqualAreaProjection {

    private static final double A = 6_378_137.0;
    private static final double F = 1 / 298.257223563;
    private static final double E2 = F * (2 - F);
    private static final double E = Math.sqrt(E2);
    private static final double QP = q(Math.PI / 2);
    private static final double RQ = A * Math.sqrt(QP / 2);

    private final double lambda0;
    private final double sinBeta0;
    private final double cosBeta0;

    private EqualAreaProjection(double lon0, double lat0) {
        this.lambda0 = Math.toRadians(lon0);
        double beta0 = authalic(Math.toRadians(lat0));
        this.sinBeta0 = Math.sin(beta0);
        this.cosBeta0 = Math.cos(beta0);
    }

    /** The projection centred on the geometry's envelope centre, where its distortion of shape is least. */
    static EqualAreaProjection centredOn(Geometry geometry) {
        Coordinate centre = geometry.getEnvelopeInternal().centre();
        return new EqualAreaProjection(centre.x, centre.y);
    }

    /** The area in square metres of a WGS84 (lon, lat) geometry. */
    double squareMetres(Geometry lonLat) {
        Geometry projected = lonLat.copy();
        projected.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double lambda = Math.toRadians(seq.getX(i)) - lambda0;
                double beta = authalic(Math.toRadians(seq.getY(i)));
                double k = Math.sqrt(2 / (1 + sinBeta0 * Math.sin(beta) + cosBeta0 * Math.cos(beta) * Math.cos(lambda)));
                seq.setOrdinate(i, 0, RQ * k * Math.cos(beta) * Math.sin(lambda));
                seq.setOrdinate(i, 1, RQ * k * (cosBeta0 * Math.sin(beta) - sinBeta0 * Math.cos(beta) * Math.cos(lambda)));
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        return projected.getArea();
    }

    private static double authalic(double phi) {
        return Math.asin(q(phi) / QP);
    }

    private static double q(double phi) {
        double sin = Math.sin(phi);
        return (1 - E2) * (sin / (1 - E2 * sin * sin) - 1 / (2 * E) * Math.log((1 - E * sin) / (1 + E * sin)));
    }
}
