using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Open311.Domain.Services;
using Open311.Web.Site;
using Open311.Web.Site.Queries;

namespace Open311.Web.Pages;

public sealed class IndexModel(SiteJurisdictions jurisdictions, IOptions<MapOptions> map, SiteRequestQueries queries)
    : SitePageModel(jurisdictions, map)
{
    public IReadOnlyList<IGrouping<string, Service>> ServiceGroups { get; private set; } = [];

    public IReadOnlyList<RequestSummary> Latest { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadSiteAsync())
        {
            return NoJurisdiction();
        }

        var services = await queries.ActiveServicesAsync(Site.Current.Id, HttpContext.RequestAborted);
        ServiceGroups = services.GroupBy(s => s.Group ?? "Other").ToList();
        Latest = await queries.LatestAsync(Site.Current.Id, 10, HttpContext.RequestAborted);
        return Page();
    }
}
