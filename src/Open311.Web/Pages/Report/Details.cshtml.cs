using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Open311.Domain.Services;
using Open311.Domain.Submission;
using Open311.Web.Hosting;
using Open311.Web.Media;
using Open311.Web.Site;
using Open311.Web.Site.Queries;
using Open311.Web.Site.Reporting;

namespace Open311.Web.Pages.Report;

/// <summary>
/// Step 2 of reporting: the service's questions, the place, photos and contact details. A valid form is kept as
/// a draft, and the browser is redirected to the preview. An invalid form is shown again with each error beside
/// its field and everything typed kept.
/// </summary>
public sealed class DetailsModel(
    SiteJurisdictions jurisdictions,
    IOptions<MapOptions> map,
    SiteRequestQueries queries,
    ReportDraftStore drafts,
    IServiceRequestSubmitter submitter,
    MediaStore mediaStore,
    IOptions<Open311Options> hostOptions)
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

    public bool PhotosLost { get; private set; }

    public int MaxPhotoMegabytes => (int)(mediaStore.Options.MaxFileBytes / (1024 * 1024));

    public int MaxPhotos => mediaStore.Options.MaxFiles;

    public async Task<IActionResult> OnGetAsync()
    {
        var draft = DraftId is Guid id ? await drafts.LoadAsync(id, HttpContext.RequestAborted) : null;
        if (draft is not null && !ReportDraftOwner.Owns(HttpContext, draft))
        {
            return RedirectToPage("/Report/OtherBrowser");
        }

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
        if (previous is not null && !ReportDraftOwner.Owns(HttpContext, previous))
        {
            previous = null;
        }

        var siteErrors = ReportChecks.Check(Form, service);
        var validation = await submitter.ValidateAsync(Form.ToNewServiceRequest(Site.Current.Id), cancellationToken);
        Errors = ReportChecks.Merge(siteErrors, validation.Errors, Form, service);
        var uploads = Request.Form.Files.GetFiles(ReportForm.PhotoField).Where(f => f.Length > 0).ToList();
        if (Errors.Count > 0)
        {
            // Photos are stored only with a valid form, so a rejected form leaves no image behind.
            return ShowAgain(previous, uploads.Count > 0);
        }

        var (stored, photoErrors) = await mediaStore.SaveAllAsync(uploads, cancellationToken);
        if (photoErrors.Count > 0)
        {
            Errors = photoErrors.Select(e => e with { Field = ReportForm.PhotoField }).ToList();
            return ShowAgain(previous, photosLost: true);
        }

        Form.PhotoUrls = stored.Count > 0
            ? stored.Select(media => MediaEndpoints.BuildUrl(media, Request, hostOptions.Value.PublicBaseUrl)).ToList()
            : previous is { SentPublicId: null } ? previous.Form.PhotoUrls : [];
        var draftId = await drafts.SaveAsync(Site.Current.Id, Form, ReportDraftOwner.Ensure(HttpContext), cancellationToken);
        return RedirectToPage("/Report/Preview", new { id = draftId });
    }

    private PageResult ShowAgain(ReportDraft? previous, bool photosLost)
    {
        PhotosLost = photosLost;
        if (previous is { SentPublicId: null })
        {
            DraftId = previous.Id;
            Form.PhotoUrls = previous.Form.PhotoUrls;
        }
        else
        {
            DraftId = null;
        }

        return Page();
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
