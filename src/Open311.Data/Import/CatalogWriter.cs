using NetTopologySuite.Geometries;
using Npgsql;
using NpgsqlTypes;

namespace Open311.Data.Import;

/// <summary>A service of a data pack, keyed on (jurisdiction, code).</summary>
internal sealed record ServiceRow(string Code, string Name, string? Description, string? Group, string? Keywords, string Type, bool Active);

/// <summary>
/// Upserts of catalogue rows shared by the importers. Each upsert is keyed on the row's natural id and writes
/// only when a value differs, so a second run with the same files changes no row. Existing rows keep fields
/// that staff own (a service's <c>active</c> flag, a jurisdiction's name and default flag).
/// </summary>
internal sealed class CatalogWriter(NpgsqlConnection connection, NpgsqlTransaction transaction)
{
    public NpgsqlConnection Connection => connection;

    public NpgsqlTransaction Transaction => transaction;

    public NpgsqlCommand Command(string sql) => new(sql, connection, transaction);

    /// <summary>Adds the jurisdiction when missing; it becomes the default only when no other is.</summary>
    public async Task EnsureJurisdictionAsync(string id, string name, string timeZoneId, bool isDefault, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            INSERT INTO jurisdictions (id, name, time_zone_id, is_default)
            VALUES (@id, @name, @time_zone_id, @is_default AND NOT EXISTS (SELECT 1 FROM jurisdictions WHERE is_default))
            ON CONFLICT (id) DO NOTHING
            """);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("name", name);
        command.Parameters.AddWithValue("time_zone_id", timeZoneId);
        command.Parameters.AddWithValue("is_default", isDefault);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Upserts services by code and returns how many were new.</summary>
    public async Task<int> UpsertServicesAsync(string jurisdictionId, IReadOnlyList<ServiceRow> services, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            INSERT INTO services AS s (jurisdiction_id, code, name, description, "group", keywords, type, active)
            SELECT @jurisdiction_id, code, name, description, grp, keywords, type, active
            FROM unnest(@codes, @names, @descriptions, @groups, @keywords, @types, @actives)
                AS row (code, name, description, grp, keywords, type, active)
            ON CONFLICT (jurisdiction_id, code) DO UPDATE
                SET name = EXCLUDED.name, description = EXCLUDED.description, "group" = EXCLUDED."group",
                    keywords = EXCLUDED.keywords, type = EXCLUDED.type
                WHERE (s.name, s.description, s."group", s.keywords, s.type)
                    IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.description, EXCLUDED."group", EXCLUDED.keywords, EXCLUDED.type)
            RETURNING (xmax = 0) AS inserted
            """);
        command.Parameters.AddWithValue("jurisdiction_id", jurisdictionId);
        command.Parameters.AddWithValue("codes", services.Select(service => service.Code).ToArray());
        command.Parameters.AddWithValue("names", services.Select(service => service.Name).ToArray());
        command.Parameters.Add(TextArray("descriptions", services.Select(service => service.Description)));
        command.Parameters.Add(TextArray("groups", services.Select(service => service.Group)));
        command.Parameters.Add(TextArray("keywords", services.Select(service => service.Keywords)));
        command.Parameters.AddWithValue("types", services.Select(service => service.Type).ToArray());
        command.Parameters.AddWithValue("actives", services.Select(service => service.Active).ToArray());
        return await CountInsertedAsync(command, cancellationToken);
    }

    /// <summary>Returns the jurisdiction's services as code → id and name → id (first by id when names repeat).</summary>
    public async Task<(Dictionary<string, int> ByCode, Dictionary<string, int> ByName)> LoadServicesAsync(string jurisdictionId, CancellationToken cancellationToken)
    {
        var byCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var command = Command("SELECT id, code, name FROM services WHERE jurisdiction_id = @jurisdiction_id ORDER BY id");
        command.Parameters.AddWithValue("jurisdiction_id", jurisdictionId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt32(0);
            byCode[reader.GetString(1)] = id;
            byName.TryAdd(reader.GetString(2), id);
        }

        return (byCode, byName);
    }

    /// <summary>
    /// Upserts neighbourhoods by (jurisdiction, name) and returns how many were new. Each shape is made
    /// valid and stored as a MultiPolygon, and a changed shape replaces the stored one. When any neighbourhood
    /// was added or reshaped, the jurisdiction's located requests are filed again by the trigger.
    /// </summary>
    public async Task<int> UpsertNeighborhoodsAsync(string jurisdictionId, IReadOnlyList<(string Name, Geometry Shape)> neighborhoods, CancellationToken cancellationToken)
    {
        int inserted = 0, written = 0;
        foreach (var (name, shape) in neighborhoods)
        {
            await using var command = Command("""
                INSERT INTO neighborhoods AS n (jurisdiction_id, name, geometry)
                VALUES (@jurisdiction_id, @name, ST_Multi(ST_CollectionExtract(ST_MakeValid(@shape), 3)))
                ON CONFLICT (jurisdiction_id, name) DO UPDATE SET geometry = EXCLUDED.geometry
                    WHERE ST_AsEWKB(n.geometry) IS DISTINCT FROM ST_AsEWKB(EXCLUDED.geometry)
                RETURNING (xmax = 0) AS inserted
                """);
            command.Parameters.AddWithValue("jurisdiction_id", jurisdictionId);
            command.Parameters.AddWithValue("name", name);
            command.Parameters.AddWithValue("shape", NpgsqlDbType.Geometry, shape);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                written++;
                inserted += reader.GetBoolean(0) ? 1 : 0;
            }
        }

        if (written > 0)
        {
            await RefileRequestsAsync(jurisdictionId, cancellationToken);
        }

        return inserted;
    }

    /// <summary>Rewrites each located request's point unchanged, so the trigger sets its neighbourhood again.</summary>
    private async Task RefileRequestsAsync(string jurisdictionId, CancellationToken cancellationToken)
    {
        await using var command = Command("UPDATE service_requests SET location = location WHERE jurisdiction_id = @jurisdiction_id AND location IS NOT NULL");
        command.Parameters.AddWithValue("jurisdiction_id", jurisdictionId);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sets the boundary to <paramref name="shape"/> (made valid) when it differs.</summary>
    public async Task SetBoundaryAsync(string jurisdictionId, Geometry shape, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            UPDATE jurisdictions SET boundary = shape.geometry
            FROM (SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(@shape), 3)) AS geometry) AS shape
            WHERE id = @jurisdiction_id AND ST_AsEWKB(boundary) IS DISTINCT FROM ST_AsEWKB(shape.geometry)
            """);
        command.Parameters.AddWithValue("jurisdiction_id", jurisdictionId);
        command.Parameters.AddWithValue("shape", NpgsqlDbType.Geometry, shape);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Sets the boundary to the union of the jurisdiction's neighbourhoods when it differs.</summary>
    public async Task SetBoundaryToNeighborhoodUnionAsync(string jurisdictionId, CancellationToken cancellationToken)
    {
        await using var command = Command("""
            UPDATE jurisdictions SET boundary = shape.geometry
            FROM (SELECT ST_Multi(ST_CollectionExtract(ST_MakeValid(ST_Union(geometry)), 3)) AS geometry
                  FROM neighborhoods WHERE jurisdiction_id = @jurisdiction_id) AS shape
            WHERE id = @jurisdiction_id AND shape.geometry IS NOT NULL
              AND ST_AsEWKB(boundary) IS DISTINCT FROM ST_AsEWKB(shape.geometry)
            """);
        command.Parameters.AddWithValue("jurisdiction_id", jurisdictionId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static NpgsqlParameter TextArray(string name, IEnumerable<string?> values) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = values.Select(value => (object?)value ?? DBNull.Value).ToArray() };

    public static async Task<int> CountInsertedAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var inserted = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            inserted += reader.GetBoolean(0) ? 1 : 0;
        }

        return inserted;
    }
}
