package org.carbonsink.registry.project.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.locationtech.jts.geom.Envelope;

/**
 * Which boundaries a map asks for: either project ids ({@code ids=<uuid>,<uuid>,...}, at most
 * {@link #MAX_IDS}) or a box ({@code bbox=minLon,minLat,maxLon,maxLat} in WGS 84 decimal degrees, as
 * RFC 7946 §5 orders it). Anything else is refused naming the parameter and the rule.
 */
record BoundarySelection(Set<UUID> ids, Envelope box) {

    static final int MAX_IDS = 100;

    static BoundarySelection parse(String ids, String bbox) {
        boolean byIds = ids != null && !ids.isBlank();
        boolean byBox = bbox != null && !bbox.isBlank();
        if (byIds == byBox) {
            throw ProblemException.invalidField(byIds ? "bbox" : "ids", "ids-or-bbox",
                    "give either ids (project ids, comma-separated) or bbox (minLon,minLat,maxLon,maxLat), not "
                            + (byIds ? "both" : "neither"));
        }
        return byIds ? new BoundarySelection(ids(ids), null) : new BoundarySelection(null, box(bbox));
    }

    private static Set<UUID> ids(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length > MAX_IDS) {
            throw ProblemException.invalidField("ids", "max-size",
                    "names " + parts.length + " projects; at most " + MAX_IDS + " per request");
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String part : parts) {
            try {
                ids.add(UUID.fromString(part.strip()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalidField("ids", "uuid", "must be project ids (UUIDs), not '" + part + "'");
            }
        }
        return ids;
    }

    private static Envelope box(String text) {
        String[] parts = text.split(",", -1);
        List<Double> values = new ArrayList<>();
        for (String part : parts) {
            try {
                values.add(Double.parseDouble(part.strip()));
            } catch (NumberFormatException e) {
                values.clear();
                break;
            }
        }
        if (parts.length != 4 || values.size() != 4) {
            throw ProblemException.invalidField("bbox", "format",
                    "must be four decimal numbers: minLon,minLat,maxLon,maxLat");
        }
        double minLon = values.get(0);
        double minLat = values.get(1);
        double maxLon = values.get(2);
        double maxLat = values.get(3);
        // written as "not within" so that NaN is refused too
        if (!(minLon >= -180 && maxLon <= 180 && minLat >= -90 && maxLat <= 90)) {
            throw ProblemException.invalidField("bbox", "range",
                    "longitudes must lie in [-180, 180] and latitudes in [-90, 90]");
        }
        if (!(minLon <= maxLon && minLat <= maxLat)) {
            throw ProblemException.invalidField("bbox", "order",
                    "the minimum longitude and latitude must not exceed the maximum ones");
        }
        return new Envelope(minLon, maxLon, minLat, maxLat);
    }
}
