using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Open311.Web.Site.Reporting;

/// <summary>A report waiting on its preview page.</summary>
public sealed record ReportDraft(Guid Id, string JurisdictionId, ReportForm Form)
{
    /// <summary>The request number once the draft was sent; empty while a send is running.</summary>
    public string? SentPublicId { get; init; }

    /// <summary>SHA-256 of the secret in the cookie of the browser that made the draft (see <see cref="ReportDraftOwner"/>).</summary>
    public byte[]? OwnerHash { get; init; }
}

/// <summary>
/// Keeps report drafts in <c>site_report_drafts</c> between the form and the final send. Drafts contain
/// contact details, so <see cref="SaveAsync"/> also deletes drafts older than a day.
/// </summary>
public sealed class ReportDraftStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(1);

    public async Task<Guid> SaveAsync(string jurisdictionId, ReportForm form, byte[] ownerHash, CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            """
            DELETE FROM site_report_drafts WHERE created_at < @cutoff;
            INSERT INTO site_report_drafts (id, jurisdiction_id, service_code, form, created_at, owner_hash) VALUES (@id, @jurisdiction, @service, @form, @now, @owner);
            """,
            connection);
        command.Parameters.AddWithValue("cutoff", now - Lifetime);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("jurisdiction", jurisdictionId);
        command.Parameters.AddWithValue("service", form.ServiceCode);
        command.Parameters.AddWithValue("form", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(form));
        command.Parameters.AddWithValue("now", now);
        command.Parameters.AddWithValue("owner", ownerHash);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return id;
    }

    /// <summary>Returns the draft, or null when it is unknown or expired.</summary>
    public async Task<ReportDraft?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var select = new NpgsqlCommand(
            "SELECT jurisdiction_id, form::text, sent_public_id, owner_hash FROM site_report_drafts WHERE id = @id AND created_at >= @cutoff", connection);
        select.Parameters.AddWithValue("id", id);
        select.Parameters.AddWithValue("cutoff", clock.GetUtcNow() - Lifetime);
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        var form = JsonSerializer.Deserialize<ReportForm>(reader.GetString(1)) ?? new ReportForm();
        return new ReportDraft(id, reader.GetString(0), form) 
        {
            SentPublicId = reader.IsDBNull(2) ? null : reader.GetString(2),
            OwnerHash = reader.IsDBNull(3) ? null : reader.GetFieldValue<byte[]>(3),
        };
    }

    /// <summary>Marks the draft as being sent; returns false when another request already sent it or is sending it.</summary>
    public Task<bool> ClaimAsync(Guid id, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE site_report_drafts SET sent_public_id = '' WHERE id = @id AND sent_public_id IS NULL", id, null, cancellationToken);

    /// <summary>Releases a claim after a failed send, so the resident can correct the report and send it again.</summary>
    public Task<bool> ReleaseAsync(Guid id, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE site_report_drafts SET sent_public_id = NULL WHERE id = @id AND sent_public_id = ''", id, null, cancellationToken);

    /// <summary>Records the request number and wipes what the resident typed, which the request now holds.</summary>
    public Task<bool> CompleteAsync(Guid id, string publicId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE site_report_drafts SET sent_public_id = @value, form = '{}' WHERE id = @id", id, publicId, cancellationToken);

    private async Task<bool> ExecuteAsync(string sql, Guid id, string? value, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", id);
        if (value is not null)
        {
            command.Parameters.AddWithValue("value", value);
        }

        return await command.ExecuteNonQueryAsync(cancellationToken) > 0;
    }
}
