using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Data.Jurisdictions;
using Open311.Domain.Jurisdictions;

namespace Open311.Web.Site;

/// <summary>The jurisdiction a page shows and the list offered by the switcher.</summary>
public sealed record SiteJurisdiction(Jurisdiction Current, IReadOnlyList<Jurisdiction> All)
{
    public bool HasChoice => All.Count > 1;

    /// <summary>Returns the <c>jurisdiction</c> query value for links: empty for the default one, so URLs stay short.</summary>
    public string? RouteValue => Current.IsDefault || !HasChoice ? null : Current.Id;

    public DateTimeOffset ToLocal(DateTimeOffset value)
    {
        try
        {
            return TimeZoneInfo.ConvertTime(value, Current.TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            return value;
        }
    }
}

/// <summary>Picks the jurisdiction of a page from its <c>jurisdiction</c> query value, falling back to the default.</summary>
public sealed class SiteJurisdictions(Open311DbContext db, JurisdictionResolver resolver)
{
    /// <summary>Returns null when no jurisdiction is configured on the server.</summary>
    public async Task<SiteJurisdiction?> ResolveAsync(string? jurisdictionId, CancellationToken cancellationToken)
    {
        var all = await db.Jurisdictions.AsNoTracking().OrderBy(j => j.Name).ToListAsync(cancellationToken);
        if (all.Count == 0)
        {
            return null;
        }

        var named = all.FirstOrDefault(j => string.Equals(j.Id, jurisdictionId?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (named is not null)
        {
            return new SiteJurisdiction(named, all);
        }

        var (fallback, _) = await resolver.ResolveAsync(null, cancellationToken);
        return new SiteJurisdiction(fallback ?? all[0], all);
    }
}
