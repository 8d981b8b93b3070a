using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Open311.Web.Site;

/// <summary>Base of the public pages: the jurisdiction shown, read from the <c>jurisdiction</c> query value, and the map settings.</summary>
public abstract class SitePageModel(SiteJurisdictions jurisdictions, IOptions<MapOptions> map) : PageModel
{
    [FromQuery(Name = "jurisdiction")]
    public string? JurisdictionId { get; set; }

    public SiteJurisdiction Site { get; private set; } = null!;

    public MapOptions Map => map.Value;

    /// <summary>Loads <see cref="Site"/>; returns false when no jurisdiction is configured, and the page then shows a notice.</summary>
    protected async Task<bool> LoadSiteAsync(string? jurisdictionId = null)
    {
        var site = await jurisdictions.ResolveAsync(jurisdictionId ?? JurisdictionId, HttpContext.RequestAborted);
        if (site is null)
        {
            return false;
        }

        Site = site;
        ViewData[nameof(SiteJurisdiction)] = site;
        return true;
    }

    protected IActionResult NoJurisdiction() =>
        new ContentResult
        {
            StatusCode = StatusCodes.Status503ServiceUnavailable,
            ContentType = "text/plain; charset=utf-8",
            Content = "No jurisdiction is configured on this server yet. An administrator can import one with the 'import' command.",
        };
}
