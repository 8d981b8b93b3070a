using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Open311.Web.Site;

namespace Open311.Web.Pages.Report;

/// <summary>Shown instead of a report draft opened in a browser other than the one that made it.</summary>
public sealed class OtherBrowserModel(SiteJurisdictions jurisdictions, IOptions<MapOptions> map) : SitePageModel(jurisdictions, map)
{
    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadSiteAsync())
        {
            return NoJurisdiction();
        }

        Response.StatusCode = StatusCodes.Status403Forbidden;
        return Page();
    }
}
