using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Open311.Domain.Services;
using Open311.Domain.Submission;
using Open311.Web.Site;
using Open311.Web.Site.Queries;
using Open311.Web.Site.Reporting;

namespace Open311.Web.Pages.Report;

/// <summary>
/// Step 2 of reporting: the service's questions, the place, photos and contact details. A valid form is kept as
/// a draft and the browser is redirected to the preview; an invalid one is shown again with each error beside
/// its field and everything typed kept.
/// </summary>
public sealed class DetailsModel(
    SiteJurisdictions jurisdictions,
    IOptions<MapOptions> map,
    SiteRequestQueries queries,
    ReportDraftStore drafts,
    IServiceProvider services)
    : SitePageModel(jurisdictions, map)
{
    [FromQuery(Name = "service")]
    public string? ServiceCode { get; set; }

    /// <summary>A draft to change, when the resident comes back from the preview.</summary>
    [BindProperty(SupportsGet = true, Name = "draft")]
    public Guid? DraftId { get; set; }

    public Service Service { get; private set; } = null!;

    public ReportForm Form { get; private set; } = new();

    public IReadOnlyList<SubmissionError> Errors { get; private set; } = [];

    public int KeptPhotos { get; private set; }

    public bool PhotosLost { get; private set; }

    public bool AcceptsPhotos => services.GetService<IReportPhotoStore>() is not null;

    public async Task<IActionResult> OnGetAsync()
    {
        var draft = DraftId is Guid id ? await drafts.LoadAsync(id, HttpContext.RequestAborted) : null;
        if (!await LoadSiteAsync(draft?.JurisdictionId))
        {
            return NoJurisdiction();
        }

        var service = await queries.ServiceDefinitionAsync(Site.Current.Id, draft?.Form.ServiceCode ?? ServiceCode, HttpContext.RequestAborted);
        if (service is null)
        {
            return RedirectToPage("/Report/Index", new { jurisdiction = Site.RouteValue, error = "service" });
        }

        Service = service;
        Form = draft is { SentPublicId: null } ? draft.Form : new ReportForm { ServiceCode = service.Code };
        DraftId = draft is { SentPublicId: null } ? draft.Id : null;
        KeptPhotos = draft?.Photos.Count ?? 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (!await LoadSiteAsync(Request.Form["jurisdiction"]))
        {
            return NoJurisdiction();
        }

        var service = await queries.ServiceDefinitionAsync(Site.Current.Id, Request.Form["service"], cancellationToken);
        if (service is null)
        {
            return RedirectToPage("/Report/Index", new { jurisdiction = Site.RouteValue, error = "service" });
        }

        Service = service;
        Form = ReportForm.Read(Request.Form, service);
        Form.DropInapplicableAnswers(service);

        var previous = DraftId is Guid id ? await drafts.LoadAsync(id, cancellationToken) : null;
        IReadOnlyList<ReportPhoto> photos = [];
        string? photoError = null;
        if (AcceptsPhotos)
        {
            (photos, photoError) = await ReportPhotos.ReadAsync(Request.Form.Files, cancellationToken);
        }

        if (photos.Count == 0 && previous is { SentPublicId: null })
        {
            photos = previous.Photos;
        }

        var siteErrors = ReportChecks.Check(Form, service);
        if (photoError is not null)
        {
            siteErrors.Add(new SubmissionError(ReportPhotos.Field, photoError));
        }

        var submitter = services.GetRequiredService<IServiceRequestSubmitter>();
        var validation = await submitter.ValidateAsync(Form.ToNewServiceRequest(Site.Current.Id, mediaUrl: null), cancellationToken);
        Errors = ReportChecks.Merge(siteErrors, validation.Errors, Form, service);
        if (Errors.Count > 0)
        {
            PhotosLost = Request.Form.Files.Count > 0;
            KeptPhotos = previous?.Photos.Count ?? 0;
            DraftId = previous is { SentPublicId: null } ? previous.Id : null;
            return Page();
        }

        var draftId = await drafts.SaveAsync(Site.Current.Id, Form, photos, cancellationToken);
        return RedirectToPage("/Report/Preview", new { id = draftId });
    }

    public string? ErrorFor(string field) => Errors.FirstOrDefault(e => e.Field == field)?.Message;

    /// <summary>Returns the id of the element an error summary link points to for a field.</summary>
    public static string AnchorFor(string field) => field switch
    {
        ReportChecks.PlaceField => ReportForm.FieldId("lat"),
        "service_code" or "jurisdiction_id" => "service-name",
        _ => ReportForm.FieldId(field),
    };
}
