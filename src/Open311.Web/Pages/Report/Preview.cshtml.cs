using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Open311.Data.Requests;
using Open311.Domain.Requests;
using Open311.Domain.Services;
using Open311.Domain.Submission;
using Open311.Web.Site;
using Open311.Web.Site.Queries;
using Open311.Web.Site.Reporting;

namespace Open311.Web.Pages.Report;

/// <summary>
/// Step 3 of reporting: the report as entered and similar open requests nearby. The resident either sends the
/// report or adds themselves to one of those requests.
/// </summary>
public sealed partial class PreviewModel(
    SiteJurisdictions jurisdictions,
    IOptions<MapOptions> map,
    SiteRequestQueries queries,
    ReportDraftStore drafts,
    ReportMeToo meToo,
    NearbyDuplicateFinder duplicateFinder,
    IServiceRequestSubmitter submitter,
    ILogger<PreviewModel> logger)
    : SitePageModel(jurisdictions, map)
{
    public Guid Id { get; private set; }

    public ReportDraft Draft { get; private set; } = null!;

    public Service Service { get; private set; } = null!;

    public IReadOnlyList<RequestSummary> Nearby { get; private set; } = [];

    public IReadOnlyList<SubmissionError> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id) => await LoadAsync(id) ?? Page();

    public async Task<IActionResult> OnPostSendAsync(Guid id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await LoadAsync(id) is { } early)
        {
            return early;
        }

        if (!await drafts.ClaimAsync(id, cancellationToken))
        {
            return RedirectToPage("/Report/Preview", new { id });
        }

        var context = new SubmissionContext(RequestChannels.Web, RequestChannels.Web);
        var result = await submitter.SubmitAsync(Draft.Form.ToNewServiceRequest(Site.Current.Id), context, cancellationToken);
        if (!result.Succeeded || result.Request is null)
        {
            await drafts.ReleaseAsync(id, cancellationToken);
            Errors = ReportChecks.Merge([], result.Errors, Draft.Form, Service);
            return Page();
        }

        await drafts.CompleteAsync(id, result.Request.PublicId, cancellationToken);
        LogSent(logger, result.Request.Id, Service.Code);
        return RedirectToPage("/Report/Done", new { id = result.Request.PublicId, jurisdiction = Site.RouteValue });
    }

    public async Task<IActionResult> OnPostMeTooAsync(Guid id, string? request)
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (await LoadAsync(id) is { } early)
        {
            return early;
        }

        var chosen = Nearby.FirstOrDefault(r => r.PublicId == request);
        if (chosen is null || !await drafts.ClaimAsync(id, cancellationToken))
        {
            return RedirectToPage("/Report/Preview", new { id });
        }

        var joined = await meToo.AddAsync(Site.Current.Id, chosen.PublicId, cancellationToken);
        if (joined is null)
        {
            await drafts.ReleaseAsync(id, cancellationToken);
            return RedirectToPage("/Report/Preview", new { id });
        }

        await drafts.CompleteAsync(id, joined, cancellationToken);
        return RedirectToPage("/Report/Done", new { id = joined, jurisdiction = Site.RouteValue, joined = true });
    }

    /// <summary>Loads the draft, the service and nearby requests; returns a result to send instead of the page, or null.</summary>
    private async Task<IActionResult?> LoadAsync(Guid id)
    {
        var cancellationToken = HttpContext.RequestAborted;
        Id = id;
        var draft = await drafts.LoadAsync(id, cancellationToken);
        if (draft is null)
        {
            return RedirectToPage("/Report/Index");
        }

        if (!ReportDraftOwner.Owns(HttpContext, draft))
        {
            return RedirectToPage("/Report/OtherBrowser");
        }

        if (!await LoadSiteAsync(draft.JurisdictionId))
        {
            return NoJurisdiction();
        }

        if (!string.IsNullOrEmpty(draft.SentPublicId))
        {
            return RedirectToPage("/Report/Done", new { id = draft.SentPublicId, jurisdiction = Site.RouteValue });
        }

        var service = await queries.ServiceDefinitionAsync(Site.Current.Id, draft.Form.ServiceCode, cancellationToken);
        if (service is null)
        {
            return RedirectToPage("/Report/Index", new { jurisdiction = Site.RouteValue, error = "service" });
        }

        Draft = draft;
        Service = service;
        if (Coordinates(draft.Form) is (double lat, double lon))
        {
            var nearby = await duplicateFinder.FindAsync(Site.Current.Id, service.Code, lat, lon, cancellationToken);
            Nearby = nearby.Take(5).Select(match => SiteRequestQueries.Summarize(match.Request, neighborhoodName: null)).ToList();
        }

        return null;
    }

    private static (double, double)? Coordinates(ReportForm form) =>
        double.TryParse(form.Lat, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var lat)
        && double.TryParse(form.Long, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var lon)
            ? (lat, lon)
            : null;

    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Public site stored request {RequestId} for service {ServiceCode}")]
    private static partial void LogSent(ILogger logger, long requestId, string serviceCode);
}
