using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Open311.Domain.Requests;
using Open311.Domain.Services;
using Open311.Web.Site;
using Open311.Web.Site.Queries;

namespace Open311.Web.Pages.Requests;

/// <summary>The public page of one request. It shows only public fields: never the contact details, ids of devices and accounts, or who in staff acted.</summary>
public sealed class DetailsModel(SiteJurisdictions jurisdictions, IOptions<MapOptions> map, SiteRequestQueries queries)
    : SitePageModel(jurisdictions, map)
{
    public string Id { get; private set; } = string.Empty;

    public ServiceRequest? Found { get; private set; }

    public string? NeighborhoodName { get; private set; }

    public IReadOnlyList<(ServiceAttribute Question, string Answer)> Answers { get; private set; } = [];

    public IReadOnlyList<RequestSummary> MapPoint { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (!await LoadSiteAsync())
        {
            return NoJurisdiction();
        }

        Id = id;
        Found = await queries.RequestAsync(Site.Current.Id, id.Trim(), HttpContext.RequestAborted);
        if (Found is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }

        if (Found.JurisdictionId != Site.Current.Id)
        {
            await LoadSiteAsync(Found.JurisdictionId);
        }

        NeighborhoodName = await queries.NeighborhoodNameAsync(Found.NeighborhoodId, HttpContext.RequestAborted);
        Answers = DescribeAnswers(Found);
        if (Found.Location is { } point)
        {
            MapPoint = [new RequestSummary(Found.PublicId, Found.JurisdictionId, Found.Service?.Name ?? string.Empty, Found.Status,
                Found.RequestedAt, Found.Address, point.Y, point.X, NeighborhoodName, null)];
        }

        return Page();
    }

    /// <summary>
    /// Returns the path of a photo stored by this site (relative, or absolute on this host), because only those can
    /// be shown inline under the Content-Security-Policy. Returns null for photos elsewhere, which are linked instead.
    /// </summary>
    public string? LocalMediaPath(string url)
    {
        if (url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal))
        {
            return url;
        }

        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && string.Equals(uri.Authority, HttpContext.Request.Host.Value, StringComparison.OrdinalIgnoreCase)
                ? uri.PathAndQuery
                : null;
    }

    public static bool IsWebLink(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static List<(ServiceAttribute Question, string Answer)> DescribeAnswers(ServiceRequest request)
    {
        var answers = new List<(ServiceAttribute Question, string Answer)>();
        foreach (var question in request.Service?.Attributes.Where(a => a.Variable).OrderBy(a => a.Order) ?? Enumerable.Empty<ServiceAttribute>())
        {
            if (!request.Attributes.TryGetValue(question.Code, out var values) || values.Count == 0)
            {
                continue;
            }

            var words = values.Select(key => question.Values.FirstOrDefault(v => v.Key == key)?.Name ?? key);
            answers.Add((question, string.Join(", ", words)));
        }

        return answers;
    }
}
