package org.carbonsink.registry.project.web;

import java.util.List;

/**
 * Boundaries of many projects as a GeoJSON FeatureCollection (RFC 7946 §3.3); {@code truncated}
 * (a foreign member) says that more projects lie in the box than the limit let through.
 */
record BoundaryCollectionView(String type, List<BoundaryFeatureView> features, boolean truncated) {

    static BoundaryCollectionView of(List<BoundaryFeatureView> features, boolean truncated) {
        return new BoundaryCollectionView("FeatureCollection", features, truncated);
    }
}
