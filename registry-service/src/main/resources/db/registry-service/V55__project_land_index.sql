-- The public map asks for the boundaries in a box whatever the projects' states (drafts are public
-- too); project_land_claims covers only the land-claiming states, so this one covers every row.
create index project_land on project
    using gist (box(point(bbox_min_lon, bbox_min_lat), point(bbox_max_lon, bbox_max_lat)));
