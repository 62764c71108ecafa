package org.carbonsink.registry.project.web;

import java.util.Map;
import java.util.UUID;
import org.carbonsink.registry.project.EcosystemType;
import org.carbonsink.registry.project.Project;

/** One project's boundary as a GeoJSON Feature (RFC 7946 §3.2), with what a map labels it by. */
record BoundaryFeatureView(String type, UUID id, Map<String, Object> geometry, Properties properties) {

    record Properties(String code, String name, Project.Status status, EcosystemType ecosystemType, String province) {
    }

    static BoundaryFeatureView of(Project p) {
        return new BoundaryFeatureView("Feature", p.id(), p.design().boundary().toGeoJson(),
                new Properties(p.code(), p.name(), p.status(), p.design().ecosystemType(), p.design().province()));
    }
}
