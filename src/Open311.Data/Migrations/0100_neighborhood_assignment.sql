-- Sets service_requests.neighborhood_id from the request's point, on every insert (COPY included) and on every
-- update of location or jurisdiction_id:
--   1. the neighbourhood of the same jurisdiction whose polygon covers the point (ST_Covers, so a point on an
--      edge counts as inside; where two polygons share that edge, the lower id wins);
--   2. else the nearest neighbourhood of the same jurisdiction within 100 metres, measured on the spheroid
--      (geography), which catches points in sliver gaps between polygons and just beyond the outer edge;
--   3. else NULL, as for a request without a point.
CREATE FUNCTION assign_neighborhood() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    point geometry;
BEGIN
    IF NEW.location IS NULL THEN
        NEW.neighborhood_id := NULL;
        RETURN NEW;
    END IF;

    point := NEW.location::geometry;

    SELECT n.id INTO NEW.neighborhood_id
    FROM neighborhoods n
    WHERE n.jurisdiction_id = NEW.jurisdiction_id AND ST_Covers(n.geometry, point)
    ORDER BY n.id
    LIMIT 1;

    IF NEW.neighborhood_id IS NULL THEN
        -- The KNN operator ranks by planar distance in degrees, which is not metres, so it only picks a few
        -- candidates from the GiST index; the geography distance then decides.
        SELECT candidate.id INTO NEW.neighborhood_id
        FROM (
            SELECT n.id, n.geometry
            FROM neighborhoods n
            WHERE n.jurisdiction_id = NEW.jurisdiction_id
            ORDER BY n.geometry <-> point
            LIMIT 5
        ) AS candidate
        WHERE ST_DWithin(candidate.geometry::geography, NEW.location, 100)
        ORDER BY ST_Distance(candidate.geometry::geography, NEW.location), candidate.id
        LIMIT 1;
    END IF;

    RETURN NEW;
END;
$$;

CREATE TRIGGER service_requests_assign_neighborhood
    BEFORE INSERT OR UPDATE OF location, jurisdiction_id ON service_requests
    FOR EACH ROW EXECUTE FUNCTION assign_neighborhood();
