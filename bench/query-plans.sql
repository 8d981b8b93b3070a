-- EXPLAIN (ANALYZE, BUFFERS) of every GET requests filter combination, in the shape the server runs them
-- (jurisdiction, requested-date window unless stated, newest first, one page of at most 1,000).
-- Run with: psql "$DATABASE" -f bench/query-plans.sql   (after the benchmark has loaded its rows)
\set point 'ST_SetSRID(ST_MakePoint(-122.4194, 37.7599), 4326)::geography'
\set columns 'r.id, r.public_id, r.status, s.code, r.requested_at, r.updated_at, r.address, r.location'
\set window 'r.jurisdiction_id = ''sfgov.org'' AND r.requested_at >= now() - interval ''90 days'' AND r.requested_at <= now()'
\set page 'ORDER BY r.requested_at DESC, r.id DESC LIMIT 1000'
\pset pager off

\echo '### default window (last 90 days)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :columns FROM service_requests r JOIN services s ON s.id = r.service_id
WHERE :window :page;

\echo '### start_date/end_date: a 90-day window in 2019'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :columns FROM service_requests r JOIN services s ON s.id = r.service_id
WHERE r.jurisdiction_id = 'sfgov.org' AND r.requested_at >= '2019-03-01' AND r.requested_at <= '2019-05-30' :page;

\echo '### service_code (two codes), last 90 days'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :columns FROM service_requests r JOIN services s ON s.id = r.service_id
WHERE :window AND s.code = ANY ('{024,bulky-items}') AND s.jurisdiction_id = 'sfgov.org' :page;

\echo '### status=open, last 90 days'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :columns FROM service_requests r JOIN services s ON s.id = r.service_id
WHERE :window AND r.status = ANY ('{open,in_progress,action_scheduled,investigating,internal_referral,reopen}') :page;

\echo '### status=closed, last 90 days'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :columns FROM service_requests r JOIN services s ON s.id = r.service_id
WHERE :window AND r.status = ANY ('{closed,fixed,duplicate,not_councils_responsibility,no_further_action}') :page;

\echo '### radius 500 m, last 90 days'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :columns FROM service_requests r JOIN services s ON s.id = r.service_id
WHERE :window AND ST_DWithin(r.location, :point, 500) :page;

\echo '### bounding box, last 90 days'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :columns FROM service_requests r JOIN services s ON s.id = r.service_id
WHERE :window AND ST_Intersects(r.location, ST_MakeEnvelope(-122.4234, 37.7559, -122.4154, 37.7639, 4326)::geography) :page;

\echo '### radius 500 m + service_code + status=open, last 90 days'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :columns FROM service_requests r JOIN services s ON s.id = r.service_id
WHERE :window AND ST_DWithin(r.location, :point, 500) AND s.code = '024' AND s.jurisdiction_id = 'sfgov.org'
  AND r.status = ANY ('{open,in_progress,action_scheduled,investigating,internal_referral,reopen}') :page;

\echo '### updated_after (change sync, no requested-date window)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :columns FROM service_requests r JOIN services s ON s.id = r.service_id
WHERE r.jurisdiction_id = 'sfgov.org' AND r.updated_at > now() - interval '1 day' :page;

\echo '### updated_after + updated_before, a day in 2020'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :columns FROM service_requests r JOIN services s ON s.id = r.service_id
WHERE r.jurisdiction_id = 'sfgov.org' AND r.updated_at > '2020-06-01' AND r.updated_at < '2020-06-02' :page;

\echo '### neighbourhood, last 90 days'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :columns FROM service_requests r JOIN services s ON s.id = r.service_id
WHERE :window AND r.neighborhood_id = ANY (SELECT id FROM neighborhoods WHERE jurisdiction_id = 'sfgov.org' AND name = 'Mission') :page;

\echo '### service_request_id list'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT :columns FROM service_requests r JOIN services s ON s.id = r.service_id
WHERE r.jurisdiction_id = 'sfgov.org' AND r.public_id = ANY ('{3600298,4393508,bench-12345}') :page;

\echo '### nearby duplicates (same service, open, 50 m, 30 days)'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
SELECT r.id, ST_Distance(r.location, :point, false) FROM service_requests r JOIN services s ON s.id = r.service_id
WHERE r.jurisdiction_id = 'sfgov.org' AND s.code = '024' AND s.jurisdiction_id = 'sfgov.org'
  AND r.status = ANY ('{open,in_progress,action_scheduled,investigating,internal_referral,reopen}')
  AND r.requested_at >= now() - interval '30 days' AND ST_DWithin(r.location, :point, 50, false)
ORDER BY r.location <-> :point, r.id LIMIT 20;

\echo '### updates feed: events of the last 7 days'
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) SELECT e.id, e.request_id, e.status, e.occurred_at FROM request_events e
WHERE e.occurred_at >= now() - interval '7 days' AND e.occurred_at <= now() ORDER BY e.occurred_at, e.id LIMIT 1000;
