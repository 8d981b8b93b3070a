using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Open311.Web.Site;
using Open311.Web.Site.Queries;

namespace Open311.Web.Pages;

/// <summary>Volumes, closing times and backlog for one jurisdiction and date range, with charts drawn on the server.</summary>
public sealed class ReportCardModel(SiteJurisdictions jurisdictions, IOptions<MapOptions> map, ReportCardQueries queries)
    : SitePageModel(jurisdictions, map)
{
    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    public ReportCard Card { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadSiteAsync())
        {
            return NoJurisdiction();
        }

        var (from, to) = Range();
        Card = await queries.LoadAsync(Site.Current.Id, from, to, HttpContext.RequestAborted);
        return Page();
    }

    /// <summary>Returns the neighbourhood polygons, simplified, as GeoJSON with each one's request count.</summary>
    public async Task<IActionResult> OnGetNeighborhoodsAsync()
    {
        if (!await LoadSiteAsync())
        {
            return NoJurisdiction();
        }

        var (from, to) = Range();
        var geoJson = await queries.NeighborhoodGeoJsonAsync(Site.Current.Id, from, to, HttpContext.RequestAborted);
        return Content(geoJson, "application/geo+json");
    }

    /// <summary>Returns the URL of the neighbourhood GeoJSON for the jurisdiction and period shown.</summary>
    public string GeoJsonUrl()
    {
        var query = new Dictionary<string, string?>
        {
            ["handler"] = "Neighborhoods",
            ["jurisdiction"] = Site.RouteValue,
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/report-card", query.Where(p => p.Value is not null));
    }

    /// <summary>Returns the shade class (0 lightest to 4 darkest) of a neighbourhood by its share of the busiest one's volume.</summary>
    public string ShadeClass(long requests)
    {
        var max = Card.Shapes.Count == 0 ? 0 : Card.Shapes.Max(s => s.Requests);
        var step = max == 0 ? 0 : (int)Math.Ceiling(4.0 * requests / max);
        return $"shade shade-{Math.Clamp(step, 0, 4)}";
    }

    /// <summary>Formats days with one decimal below ten and none above, or a dash when there is no value.</summary>
    public static string Days(double? days)
    {
        if (days is not double value)
        {
            return "–";
        }

        var format = value < 10 ? "0.0" : "0";
        return value.ToString(format, System.Globalization.CultureInfo.InvariantCulture);
    }

    private (DateTimeOffset? From, DateTimeOffset? To) Range()
    {
        var zone = Site.Current.TimeZone;
        DateTimeOffset? Start(DateOnly? day) => day is DateOnly d
            ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(d.ToDateTime(TimeOnly.MinValue)))
            : null;
        return (Start(From), Start(To?.AddDays(1)));
    }
}
