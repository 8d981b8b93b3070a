using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Open311.Domain.Services;
using Open311.Web.Site;
using Open311.Web.Site.Queries;

namespace Open311.Web.Pages.Report;

/// <summary>Step 1 of reporting: choose the service. The form is a GET to the details step, so it needs no script.</summary>
public sealed class IndexModel(SiteJurisdictions jurisdictions, IOptions<MapOptions> map, SiteRequestQueries queries)
    : SitePageModel(jurisdictions, map)
{
    public IReadOnlyList<IGrouping<string, Service>> ServiceGroups { get; private set; } = [];

    [FromQuery(Name = "error")]
    public string? Error { get; set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadSiteAsync())
        {
            return NoJurisdiction();
        }

        var services = await queries.ActiveServicesAsync(Site.Current.Id, HttpContext.RequestAborted);
        ServiceGroups = services.GroupBy(s => s.Group ?? "Other").ToList();
        return Page();
    }
}
