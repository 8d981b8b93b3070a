using NpgsqlTypes;

namespace Open311.Data.Import;

/// <summary>An attribute of a service definition with its list values as (key, name, order).</summary>
internal sealed record AttributeRow(
    int ServiceId,
    string Code,
    bool Variable,
    string Datatype,
    bool Required,
    string? DatatypeDescription,
    int Order,
    string? Description,
    string? DependenciesJson,
    IReadOnlyList<(string Key, string Name, int Order)> Values);

/// <summary>Upserts service attributes by (service, code) and their values by (attribute, key).</summary>
internal static class ServiceAttributeWriter
{
    /// <summary>Returns the number of new attributes, of values in the files, and of new values.</summary>
    public static async Task<(int NewAttributes, int Values, int NewValues)> UpsertAsync(
        CatalogWriter writer, IReadOnlyList<AttributeRow> attributes, CancellationToken cancellationToken)
    {
        int newAttributes = 0, values = 0, newValues = 0;
        foreach (var attribute in attributes)
        {
            await using var command = writer.Command("""
                WITH upserted AS (
                    INSERT INTO service_attributes AS a (service_id, code, variable, datatype, required, datatype_description, "order", description, dependencies_json)
                    VALUES (@service_id, @code, @variable, @datatype, @required, @datatype_description, @order, @description, @dependencies::jsonb)
                    ON CONFLICT (service_id, code) DO UPDATE
                        SET variable = EXCLUDED.variable, datatype = EXCLUDED.datatype, required = EXCLUDED.required,
                            datatype_description = EXCLUDED.datatype_description, "order" = EXCLUDED."order",
                            description = EXCLUDED.description, dependencies_json = EXCLUDED.dependencies_json
                        WHERE (a.variable, a.datatype, a.required, a.datatype_description, a."order", a.description, a.dependencies_json)
                            IS DISTINCT FROM (EXCLUDED.variable, EXCLUDED.datatype, EXCLUDED.required, EXCLUDED.datatype_description,
                                EXCLUDED."order", EXCLUDED.description, EXCLUDED.dependencies_json)
                    RETURNING id, (xmax = 0) AS inserted
                ),
                target AS (
                    SELECT id, inserted FROM upserted
                    UNION ALL
                    SELECT id, false FROM service_attributes WHERE service_id = @service_id AND code = @code
                ),
                attribute AS (SELECT id, bool_or(inserted) AS inserted FROM target GROUP BY id),
                value_rows AS (
                    INSERT INTO attribute_values AS v (attribute_id, key, name, sort_order)
                    SELECT attribute.id, key, name, sort_order
                    FROM attribute, unnest(@keys, @names, @orders) AS value (key, name, sort_order)
                    ON CONFLICT (attribute_id, key) DO UPDATE SET name = EXCLUDED.name, sort_order = EXCLUDED.sort_order
                        WHERE (v.name, v.sort_order) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.sort_order)
                    RETURNING (xmax = 0) AS inserted
                )
                SELECT (SELECT bool_or(inserted) FROM attribute), (SELECT count(*) FILTER (WHERE inserted) FROM value_rows)::int
                """);
            command.Parameters.AddWithValue("service_id", attribute.ServiceId);
            command.Parameters.AddWithValue("code", attribute.Code);
            command.Parameters.AddWithValue("variable", attribute.Variable);
            command.Parameters.AddWithValue("datatype", attribute.Datatype);
            command.Parameters.AddWithValue("required", attribute.Required);
            command.Parameters.AddWithValue("datatype_description", NpgsqlDbType.Text, (object?)attribute.DatatypeDescription ?? DBNull.Value);
            command.Parameters.AddWithValue("order", attribute.Order);
            command.Parameters.AddWithValue("description", NpgsqlDbType.Text, (object?)attribute.Description ?? DBNull.Value);
            command.Parameters.AddWithValue("dependencies", NpgsqlDbType.Text, (object?)attribute.DependenciesJson ?? DBNull.Value);
            command.Parameters.AddWithValue("keys", attribute.Values.Select(value => value.Key).ToArray());
            command.Parameters.AddWithValue("names", attribute.Values.Select(value => value.Name).ToArray());
            command.Parameters.AddWithValue("orders", attribute.Values.Select(value => value.Order).ToArray());

            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            newAttributes += reader.GetBoolean(0) ? 1 : 0;
            newValues += reader.GetInt32(1);
            values += attribute.Values.Count;
        }

        return (newAttributes, values, newValues);
    }

    /// <summary>Sets each service's <c>metadata</c> flag to whether it has attributes.</summary>
    public static async Task SetMetadataFlagsAsync(CatalogWriter writer, string jurisdictionId, CancellationToken cancellationToken)
    {
        await using var command = writer.Command("""
            UPDATE services s SET metadata = flag.has_attributes
            FROM (SELECT id, EXISTS (SELECT 1 FROM service_attributes a WHERE a.service_id = services.id) AS has_attributes
                  FROM services WHERE jurisdiction_id = @jurisdiction_id) AS flag
            WHERE s.id = flag.id AND s.metadata <> flag.has_attributes
            """);
        command.Parameters.AddWithValue("jurisdiction_id", jurisdictionId);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
