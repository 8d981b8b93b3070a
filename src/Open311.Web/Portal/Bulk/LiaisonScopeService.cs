using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Data.Accounts;
using Open311.Data.Jurisdictions;
using Open311.Domain.Jurisdictions;

namespace Open311.Web.Portal.Bulk;

/// <summary>Who is working in the portal: their account, role, neighbourhoods and jurisdiction.</summary>
public sealed record LiaisonScope(string UserId, string DisplayName, bool IsStaff, Jurisdiction? Jurisdiction, IReadOnlyList<NeighborhoodRef> Neighborhoods)
{
    public IReadOnlyList<int> NeighborhoodIds => [.. Neighborhoods.Select(n => n.Id)];
}

public sealed record NeighborhoodRef(int Id, string Name);

public sealed class LiaisonScopeService(Open311DbContext db, JurisdictionResolver resolver)
{
    /// <summary>
    /// Loads the scope of the signed-in user. The jurisdiction is the one of the liaison's neighbourhoods, or the
    /// default jurisdiction for staff and for liaisons without neighbourhoods.
    /// </summary>
    public async Task<LiaisonScope> LoadAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        var displayName = await db.Users.Where(u => u.Id == userId).Select(u => u.DisplayName).SingleOrDefaultAsync(cancellationToken) ?? "unknown";
        var neighborhoods = await (
                from assignment in db.LiaisonNeighborhoods
                join neighborhood in db.Neighborhoods on assignment.NeighborhoodId equals neighborhood.Id
                where assignment.UserId == userId
                orderby neighborhood.Name
                select new { neighborhood.Id, neighborhood.Name, neighborhood.JurisdictionId })
            .ToListAsync(cancellationToken);

        var jurisdictionId = neighborhoods.Select(n => n.JurisdictionId).FirstOrDefault();
        var (jurisdiction, _) = await resolver.ResolveAsync(jurisdictionId, cancellationToken);
        return new LiaisonScope(
            userId,
            string.IsNullOrWhiteSpace(displayName) ? principal.Identity?.Name ?? "unknown" : displayName,
            principal.IsInRole(Roles.Staff),
            jurisdiction,
            [.. neighborhoods.Select(n => new NeighborhoodRef(n.Id, n.Name))]);
    }
}
