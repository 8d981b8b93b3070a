using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Domain.Requests;
using Open311.Domain.Services;

namespace Open311.Web.Site.Queries;

/// <summary>Read-only queries behind the home, browse and request pages. Every projection leaves out contact fields.</summary>
public sealed class SiteRequestQueries(Open311DbContext db)
{
    private static readonly RequestStatus[] ClosedStatuses = RequestStatuses.All.Where(s => s.IsClosed()).ToArray();
    private static readonly RequestStatus[] OpenStatuses = RequestStatuses.All.Where(s => !s.IsClosed()).ToArray();

    public async Task<IReadOnlyList<Service>> ActiveServicesAsync(string jurisdictionId, CancellationToken cancellationToken) =>
        await db.Services.AsNoTracking()
            .Where(s => s.JurisdictionId == jurisdictionId && s.Active)
            .OrderBy(s => s.Group).ThenBy(s => s.Name)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<Service>> AllServicesAsync(string jurisdictionId, CancellationToken cancellationToken) =>
        await db.Services.AsNoTracking()
            .Where(s => s.JurisdictionId == jurisdictionId)
            .OrderBy(s => s.Name)
            .ToListAsync(cancellationToken);

    public async Task<IReadOnlyList<NeighborhoodOption>> NeighborhoodsAsync(string jurisdictionId, CancellationToken cancellationToken) =>
        await db.Neighborhoods.AsNoTracking()
            .Where(n => n.JurisdictionId == jurisdictionId)
            .OrderBy(n => n.Name)
            .Select(n => new NeighborhoodOption(n.Id, n.Name))
            .ToListAsync(cancellationToken);

    /// <summary>Returns the service with its questions and their choices, or null when the code is unknown or inactive.</summary>
    public Task<Service?> ServiceDefinitionAsync(string jurisdictionId, string? code, CancellationToken cancellationToken) =>
        db.Services.AsNoTracking()
            .Include(s => s.Attributes).ThenInclude(a => a.Values)
            .AsSplitQuery()
            .SingleOrDefaultAsync(s => s.JurisdictionId == jurisdictionId && s.Code == code && s.Active, cancellationToken);

    public async Task<IReadOnlyList<RequestSummary>> LatestAsync(string jurisdictionId, int count, CancellationToken cancellationToken)
    {
        var query = db.ServiceRequests.AsNoTracking()
            .Where(r => r.JurisdictionId == jurisdictionId)
            .OrderByDescending(r => r.RequestedAt)
            .Take(count);
        return await ProjectAsync(query, cancellationToken);
    }

    public async Task<RequestPage> BrowseAsync(string jurisdictionId, BrowseFilter filter, TimeZoneInfo timeZone, CancellationToken cancellationToken)
    {
        var query = db.ServiceRequests.AsNoTracking().Where(r => r.JurisdictionId == jurisdictionId);
        if (!string.IsNullOrWhiteSpace(filter.Service))
        {
            query = query.Where(r => r.Service!.Code == filter.Service);
        }

        query = filter.Status switch
        {
            "open" => query.Where(r => OpenStatuses.Contains(r.Status)),
            "closed" => query.Where(r => ClosedStatuses.Contains(r.Status)),
            var named when RequestStatuses.TryParse(named, out var status) => query.Where(r => r.Status == status),
            _ => query,
        };

        if (filter.Neighborhood is int neighborhoodId)
        {
            query = query.Where(r => r.NeighborhoodId == neighborhoodId);
        }

        if (filter.From is DateOnly from)
        {
            var start = StartOfDay(from, timeZone);
            query = query.Where(r => r.RequestedAt >= start);
        }

        if (filter.To is DateOnly to)
        {
            var end = StartOfDay(to.AddDays(1), timeZone);
            query = query.Where(r => r.RequestedAt < end);
        }

        var page = Math.Max(1, filter.Page);
        var rows = await ProjectAsync(
            query.OrderByDescending(r => r.RequestedAt).ThenByDescending(r => r.Id)
                .Skip(Paging.Skip(page, BrowseFilter.PageSize))
                .Take(BrowseFilter.PageSize + 1),
            cancellationToken);
        return new RequestPage(rows.Take(BrowseFilter.PageSize).ToList(), page, rows.Count > BrowseFilter.PageSize);
    }

    /// <summary>
    /// Finds a request by its public number, in <paramref name="jurisdictionId"/> first and then in any
    /// jurisdiction, with its service definition and history.
    /// </summary>
    public async Task<ServiceRequest?> RequestAsync(string jurisdictionId, string publicId, CancellationToken cancellationToken)
    {
        var matches = await db.ServiceRequests.AsNoTracking()
            .Include(r => r.Service).ThenInclude(s => s!.Attributes).ThenInclude(a => a.Values)
            .Include(r => r.Events)
            .AsSplitQuery()
            .Where(r => r.PublicId == publicId)
            .OrderByDescending(r => r.JurisdictionId == jurisdictionId)
            .Take(1)
            .ToListAsync(cancellationToken);
        return matches.FirstOrDefault();
    }

    public Task<string?> NeighborhoodNameAsync(int? neighborhoodId, CancellationToken cancellationToken) =>
        neighborhoodId is null
            ? Task.FromResult<string?>(null)
            : db.Neighborhoods.AsNoTracking().Where(n => n.Id == neighborhoodId).Select(n => n.Name).SingleOrDefaultAsync(cancellationToken);

    /// <summary>Returns the public summary of a loaded request (its <see cref="ServiceRequest.Service"/> included).</summary>
    public static RequestSummary Summarize(ServiceRequest request, string? neighborhoodName) =>
        new(request.PublicId, request.JurisdictionId, request.Service?.Name ?? string.Empty, request.Status, request.RequestedAt,
            request.Address, request.Location?.Y, request.Location?.X, neighborhoodName, request.Description);

    private async Task<IReadOnlyList<RequestSummary>> ProjectAsync(IQueryable<ServiceRequest> query, CancellationToken cancellationToken)
    {
        var rows = await query
            .Select(r => new
            {
                r.PublicId,
                r.JurisdictionId,
                ServiceName = r.Service!.Name,
                r.Status,
                r.RequestedAt,
                r.Address,
                r.Location,
                NeighborhoodName = db.Neighborhoods.Where(n => n.Id == r.NeighborhoodId).Select(n => n.Name).FirstOrDefault(),
                r.Description,
            })
            .ToListAsync(cancellationToken);
        return rows.Select(r => new RequestSummary(
            r.PublicId, r.JurisdictionId, r.ServiceName, r.Status, r.RequestedAt, r.Address,
            r.Location?.Y, r.Location?.X, r.NeighborhoodName, r.Description)).ToList();
    }

    private static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo timeZone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, timeZone.GetUtcOffset(local)).ToUniversalTime();
    }
}

/// <summary>A neighbourhood as filter lists show it.</summary>
public sealed record NeighborhoodOption(int Id, string Name);
