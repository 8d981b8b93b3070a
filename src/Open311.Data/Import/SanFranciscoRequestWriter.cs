using Npgsql;
using NpgsqlTypes;

namespace Open311.Data.Import;

/// <summary>
/// Stores SF311 cases in bulk: binary COPY into a temporary staging table, then one INSERT … SELECT keyed on
/// (jurisdiction, public id). A case already stored is left as it is (staff may have changed it since), so a
/// second run adds nothing. New requests get their history in the same statement: an <c>open</c> event at the
/// requested time and, for closed cases, a <c>closed</c> event at the closed time with the status notes.
/// Times are kept as the file gives them, even where a case was closed before it was opened.
/// </summary>
internal static class SanFranciscoRequestWriter
{
    private const string ImportActor = "import";

    public static async Task<(int Stored, int Inserted, int Events)> WriteAsync(
        CatalogWriter writer, string jurisdictionId, IReadOnlyList<SanFranciscoCase> cases, IReadOnlyDictionary<string, int> serviceIds, CancellationToken cancellationToken)
    {
        await using (var create = writer.Command("""
            CREATE TEMP TABLE case_staging (
                public_id text NOT NULL, service_id integer NOT NULL, status text NOT NULL, status_notes text,
                description text, agency_responsible text, requested_at timestamptz NOT NULL,
                updated_at timestamptz NOT NULL, closed_at timestamptz, address text, zipcode text,
                latitude double precision, longitude double precision, channel text NOT NULL, media_url text
            ) ON COMMIT DROP
            """))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        await CopyAsync(writer.Connection, cases, serviceIds, cancellationToken);

        await using var insert = writer.Command("""
            WITH inserted AS (
                INSERT INTO service_requests (
                    public_id, jurisdiction_id, service_id, status, status_notes, description, agency_responsible,
                    requested_at, updated_at, closed_at, address, zipcode, location, channel, media_url)
                SELECT public_id, @jurisdiction_id, service_id, status, status_notes, description, agency_responsible,
                    requested_at, updated_at, closed_at, address, zipcode,
                    CASE WHEN latitude IS NOT NULL
                        THEN ST_SetSRID(ST_MakePoint(longitude, latitude), 4326)::geography END,
                    channel, media_url
                FROM case_staging
                ON CONFLICT (jurisdiction_id, public_id) DO NOTHING
                RETURNING id, status, status_notes, requested_at, closed_at
            ),
            events AS (
                INSERT INTO request_events (request_id, status, notes, occurred_at, actor)
                SELECT id, 'open', NULL, requested_at, @actor FROM inserted
                UNION ALL
                SELECT id, status, status_notes, closed_at, @actor FROM inserted WHERE status = 'closed'
                RETURNING 1
            )
            SELECT (SELECT count(*) FROM inserted)::int, (SELECT count(*) FROM events)::int,
                (SELECT count(*) FROM service_requests r JOIN case_staging s
                    ON r.jurisdiction_id = @jurisdiction_id AND r.public_id = s.public_id)::int
            """);
        insert.Parameters.AddWithValue("jurisdiction_id", jurisdictionId);
        insert.Parameters.AddWithValue("actor", ImportActor);
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var inserted = reader.GetInt32(0);
        var events = reader.GetInt32(1);

        // The statement's snapshot predates its own inserts, so the join above counts only rows stored before.
        var stored = reader.GetInt32(2) + inserted;
        return (stored, inserted, events);
    }

    private static async Task CopyAsync(
        NpgsqlConnection connection, IReadOnlyList<SanFranciscoCase> cases, IReadOnlyDictionary<string, int> serviceIds, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync("""
            COPY case_staging (public_id, service_id, status, status_notes, description, agency_responsible, requested_at,
                updated_at, closed_at, address, zipcode, latitude, longitude, channel, media_url) FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        foreach (var item in cases)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(item.PublicId, NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(serviceIds[item.ServiceName], NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(item.Status, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, item.StatusNotes, cancellationToken);
            await WriteNullableAsync(importer, item.Description, cancellationToken);
            await WriteNullableAsync(importer, item.AgencyResponsible, cancellationToken);
            await importer.WriteAsync(item.RequestedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(item.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            if (item.ClosedAt is { } closedAt)
            {
                await importer.WriteAsync(closedAt, NpgsqlDbType.TimestampTz, cancellationToken);
            }
            else
            {
                await importer.WriteNullAsync(cancellationToken);
            }

            await WriteNullableAsync(importer, item.Address, cancellationToken);
            await WriteNullableAsync(importer, item.Zipcode, cancellationToken);
            await WriteNullableAsync(importer, item.Latitude, cancellationToken);
            await WriteNullableAsync(importer, item.Longitude, cancellationToken);
            await importer.WriteAsync(item.Channel, NpgsqlDbType.Text, cancellationToken);
            await WriteNullableAsync(importer, item.MediaUrl, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            await importer.WriteNullAsync(cancellationToken);
        }
        else
        {
            await importer.WriteAsync(value, NpgsqlDbType.Text, cancellationToken);
        }
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter importer, double? value, CancellationToken cancellationToken)
    {
        if (value is { } number)
        {
            await importer.WriteAsync(number, NpgsqlDbType.Double, cancellationToken);
        }
        else
        {
            await importer.WriteNullAsync(cancellationToken);
        }
    }
}
