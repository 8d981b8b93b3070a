using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Domain.Requests;

namespace Open311.Web.Portal.Bulk;

/// <summary>Filters of the liaison dashboard, bound from the query string.</summary>
public sealed record DashboardFilter
{
    public const int PageRows = 500;
    public const int MaxExportRows = 10_000;

    /// <summary><c>mine</c> (entered by me), <c>area</c> (in my neighbourhoods) or empty for both.</summary>
    public string? Scope { get; init; }

    /// <summary><c>open</c>, <c>closed</c>, a workflow status such as <c>in_progress</c>, or empty for all.</summary>
    public string? Status { get; init; }

    public string? ServiceCode { get; init; }

    /// <summary>Only requests made in the last this many days.</summary>
    public int? Days { get; init; }

    public int Limit { get; init; } = PageRows;
}

public sealed record DashboardRow(
    long Id, string PublicId, string ServiceCode, string ServiceName, string Status, DateTimeOffset RequestedAt, DateTimeOffset UpdatedAt,
    string? Address, double? Lat, double? Long, string? Neighborhood, long? BatchId, string? Description, bool Mine);

/// <summary>The requests a liaison follows: the ones they entered and all in their neighbourhoods. Staff see every request.</summary>
public sealed class DashboardQuery(Open311DbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<DashboardRow>> ListAsync(LiaisonScope scope, DashboardFilter filter, CancellationToken cancellationToken = default)
    {
        var mine = scope.NeighborhoodIds.ToList();
        var requests = db.ServiceRequests.AsNoTracking().Where(r => r.JurisdictionId == scope.Jurisdiction!.Id);
        requests = filter.Scope switch
        {
            "mine" => requests.Where(r => r.UserId == scope.UserId),
            "area" => requests.Where(r => r.NeighborhoodId != null && mine.Contains(r.NeighborhoodId.Value)),
            _ when scope.IsStaff => requests,
            _ => requests.Where(r => r.UserId == scope.UserId || (r.NeighborhoodId != null && mine.Contains(r.NeighborhoodId.Value))),
        };

        if (!string.IsNullOrWhiteSpace(filter.Status))
        {
            var wanted = filter.Status.Trim().ToLowerInvariant() switch
            {
                "open" => RequestStatuses.All.Where(s => !s.IsClosed()).ToList(),
                "closed" => RequestStatuses.All.Where(s => s.IsClosed()).ToList(),
                var name when RequestStatuses.TryParse(name, out var status) => [status],
                _ => [],
            };
            requests = requests.Where(r => wanted.Contains(r.Status));
        }

        if (!string.IsNullOrWhiteSpace(filter.ServiceCode))
        {
            requests = requests.Where(r => r.Service!.Code == filter.ServiceCode);
        }

        if (filter.Days is > 0)
        {
            var since = clock.GetUtcNow().AddDays(-filter.Days.Value);
            requests = requests.Where(r => r.RequestedAt >= since);
        }

        // Coordinates are read in memory because the column is geography, which has no ST_X/ST_Y.
        var rows = await requests
            .OrderByDescending(r => r.UpdatedAt)
            .Take(Math.Clamp(filter.Limit, 1, DashboardFilter.MaxExportRows))
            .Select(r => new
            {
                r.Id, r.PublicId, ServiceCode = r.Service!.Code, ServiceName = r.Service.Name, r.Status, r.RequestedAt, r.UpdatedAt, r.Address, r.Location,
                Neighborhood = db.Neighborhoods.Where(n => n.Id == r.NeighborhoodId).Select(n => n.Name).FirstOrDefault(),
                r.BatchId, r.Description, r.UserId,
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DashboardRow(
            r.Id, r.PublicId, r.ServiceCode, r.ServiceName, r.Status.ToWire(), r.RequestedAt, r.UpdatedAt, r.Address,
            r.Location?.Y, r.Location?.X, r.Neighborhood, r.BatchId, r.Description, r.UserId == scope.UserId))];
    }
}
