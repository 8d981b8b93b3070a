using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Open311.Domain.Services;
using Open311.Web.Site;
using Open311.Web.Site.Queries;

namespace Open311.Web.Pages;

/// <summary>Requests on a map and in a list, filtered through a GET form so that every view has a shareable URL.</summary>
public sealed class BrowseModel(SiteJurisdictions jurisdictions, IOptions<MapOptions> map, SiteRequestQueries queries)
    : SitePageModel(jurisdictions, map)
{
    [FromQuery(Name = "service")]
    public string? Service { get; set; }

    [FromQuery(Name = "status")]
    public string? Status { get; set; }

    [FromQuery(Name = "neighborhood")]
    public int? Neighborhood { get; set; }

    [FromQuery(Name = "from")]
    public DateOnly? From { get; set; }

    [FromQuery(Name = "to")]
    public DateOnly? To { get; set; }

    [FromQuery(Name = "page")]
    public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Service> Services { get; private set; } = [];

    public IReadOnlyList<NeighborhoodOption> Neighborhoods { get; private set; } = [];

    public RequestPage Results { get; private set; } = new([], 1, false);

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadSiteAsync())
        {
            return NoJurisdiction();
        }

        var cancellationToken = HttpContext.RequestAborted;
        Services = await queries.AllServicesAsync(Site.Current.Id, cancellationToken);
        Neighborhoods = await queries.NeighborhoodsAsync(Site.Current.Id, cancellationToken);
        var filter = new BrowseFilter
        {
            Service = Service,
            Status = Status,
            Neighborhood = Neighborhood,
            From = From,
            To = To,
            Page = PageNumber,
        };
        Results = await queries.BrowseAsync(Site.Current.Id, filter, Site.Current.TimeZone, cancellationToken);
        return Page();
    }

    /// <summary>Returns the URL of another page of the same filtered list.</summary>
    public string PageUrl(int page)
    {
        var query = new Dictionary<string, string?>
        {
            ["jurisdiction"] = Site.RouteValue,
            ["service"] = Service,
            ["status"] = Status,
            ["neighborhood"] = Neighborhood?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        return Microsoft.AspNetCore.WebUtilities.QueryHelpers.AddQueryString("/browse", query.Where(p => !string.IsNullOrEmpty(p.Value)));
    }
}
