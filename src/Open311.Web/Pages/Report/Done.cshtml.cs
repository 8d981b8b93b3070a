using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Open311.Web.Site;

namespace Open311.Web.Pages.Report;

/// <summary>Confirmation after a report was sent or joined to an existing request.</summary>
public sealed class DoneModel(SiteJurisdictions jurisdictions, IOptions<MapOptions> map) : SitePageModel(jurisdictions, map)
{
    public string Number { get; private set; } = string.Empty;

    [FromQuery(Name = "joined")]
    public bool Joined { get; set; }

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadSiteAsync())
        {
            return NoJurisdiction();
        }

        Number = id;
        return Page();
    }
}
