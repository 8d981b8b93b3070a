using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Domain.Requests;

namespace Open311.Web.Site.Reporting;

/// <summary>
/// "This is my problem too": instead of storing a second request, adds a note to the open request the resident
/// picked, so staff see that more people are affected and the request's followers see one history. The note
/// carries no text or contact detail of the second resident, because request notes are public.
/// </summary>
public sealed class ReportMeToo(Open311DbContext db, TimeProvider clock)
{
    public const string Note = "Another resident reported the same problem through the website.";

    /// <summary>Adds the note to the request and returns its public number, or null when it is no longer open.</summary>
    public async Task<string?> AddAsync(string jurisdictionId, string publicId, CancellationToken cancellationToken)
    {
        var request = await db.ServiceRequests.AsNoTracking()
            .Where(r => r.JurisdictionId == jurisdictionId && r.PublicId == publicId)
            .Select(r => new { r.Id, r.Status })
            .SingleOrDefaultAsync(cancellationToken);
        if (request is null || request.Status.IsClosed())
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var status = request.Status.ToWire();
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            WITH note AS (
                INSERT INTO request_events (request_id, status, notes, occurred_at, actor)
                VALUES ({request.Id}, {status}, {Note}, {now}, {RequestChannels.Web}))
            UPDATE service_requests SET updated_at = {now} WHERE id = {request.Id}
            """, cancellationToken);
        return publicId;
    }
}
