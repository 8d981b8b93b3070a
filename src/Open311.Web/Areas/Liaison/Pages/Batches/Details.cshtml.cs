using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Domain.Liaison;
using Open311.Domain.Requests;
using Open311.Web.Portal.Bulk;

namespace Open311.Web.Areas.Liaison.Pages.Batches;

public sealed record CreatedRequest(string PublicId, string Status, DateTimeOffset UpdatedAt);

/// <summary>One page per batch: the preview while it is a draft, and what became of each row once submitted.</summary>
public sealed class DetailsModel(Open311DbContext db, LiaisonScopeService scopes, BatchService batches) : PageModel
{
    public LiaisonBatch Batch { get; private set; } = null!;

    public IReadOnlyList<string> Columns { get; private set; } = [];

    public IReadOnlyList<LiaisonBatch> SameFileBatches { get; private set; } = [];

    public IReadOnlyDictionary<long, CreatedRequest> Created { get; private set; } = new Dictionary<long, CreatedRequest>();

    public string? Message { get; private set; }

    public Open311.Domain.Jurisdictions.Jurisdiction? Jurisdiction { get; private set; }

    /// <summary>Valid rows that match requests the liaison submitted in an earlier batch.</summary>
    public int SubmittedBeforeCount => Batch.Rows.Count(row => row.IsValid && row.Warnings.Any(w => w.Kind == RowIssueKinds.SubmittedBefore));

    /// <summary>The submit needs a ticked box when the same rows, or some of them, were submitted before.</summary>
    public bool NeedsSameFileConfirmation => Batch.Status == BatchStatuses.Draft &&
        (SameFileBatches.Any(other => other.Status != BatchStatuses.Draft) || SubmittedBeforeCount > 0);

    public async Task<IActionResult> OnGetAsync(long id)
    {
        Message = TempData["Message"] as string;
        return await LoadAsync(id) ?? Page();
    }

    public async Task<IActionResult> OnPostSubmitAsync(long id, bool confirmSameFile)
    {
        var failure = await LoadAsync(id);
        if (failure is not null)
        {
            return failure;
        }

        if (NeedsSameFileConfirmation && !confirmSameFile)
        {
            Message = "These rows, or some of them, were submitted before. Tick the box to confirm that you want to create their requests again, or stop here.";
            return Page();
        }

        var outcome = await batches.SubmitAsync(id, await scopes.LoadAsync(User));
        TempData["Message"] = outcome.Status == SubmitStatus.Submitted ? null : outcome.Message;
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult?> LoadAsync(long id)
    {
        var scope = await scopes.LoadAsync(User);
        var batch = await batches.FindAsync(id, scope);
        if (batch is null)
        {
            return await db.LiaisonBatches.AnyAsync(b => b.Id == id) ? Forbid() : NotFound();
        }

        Batch = batch;
        Jurisdiction = scope.Jurisdiction;
        Columns = BatchColumns.InTemplateOrder(batch.Rows.SelectMany(row => row.Values.Keys));
        SameFileBatches = await batches.FindSameFileAsync(batch);
        var ids = batch.Results.Select(result => result.RequestId).ToList();
        var created = await db.ServiceRequests.AsNoTracking()
            .Where(request => ids.Contains(request.Id))
            .Select(request => new { request.Id, request.PublicId, request.Status, request.UpdatedAt })
            .ToListAsync();
        Created = created.ToDictionary(request => request.Id, request => new CreatedRequest(request.PublicId, request.Status.ToWire(), request.UpdatedAt));
        return null;
    }
}
