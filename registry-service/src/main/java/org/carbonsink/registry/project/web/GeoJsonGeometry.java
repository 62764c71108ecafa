package org.carbonsink.registry.project.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** A GeoJSON geometry object (RFC 7946): {@code type} Polygon or MultiPolygon, WGS84 longitude-latitude positions. */
record GeoJsonGeometry(@NotBlank String type, @NotNull List<Object> coordinates) {
}
