using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Domain.Requests;
using Open311.Domain.Submission;
using Open311.Web.Portal.Bulk;

namespace Open311.Web.Areas.Staff.Pages.Requests;

/// <summary>A small triage list: the latest requests, each with a form that changes its status and records who did it.</summary>
public sealed class IndexModel(Open311DbContext db, DashboardQuery query, LiaisonScopeService scopes, TimeProvider clock) : PageModel
{
    private const int MaxNotesLength = 4000;

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ServiceCode { get; set; }

    public IReadOnlyList<DashboardRow> Requests { get; private set; } = [];

    public string? ErrorMessage { get; private set; }

    /// <summary>The request whose notes were turned away, so the page shows <see cref="NotesError"/> next to its field.</summary>
    public long? NotesErrorRequestId { get; private set; }

    public string? NotesError { get; private set; }

    public async Task OnGetAsync()
    {
        var scope = await scopes.LoadAsync(User);
        Requests = scope.Jurisdiction is null ? [] : await query.ListAsync(scope, new DashboardFilter { Status = Status, ServiceCode = ServiceCode, Limit = 100 });
    }

    public async Task<IActionResult> OnPostChangeStatusAsync(long id, string? newStatus, string? notes)
    {
        var request = await db.ServiceRequests.Include(r => r.Events).SingleOrDefaultAsync(r => r.Id == id);
        if (request is null)
        {
            return NotFound();
        }

        if (!RequestStatuses.TryParse(newStatus, out var status))
        {
            ErrorMessage = $"Unknown status '{newStatus}'. Choose one of the listed statuses.";
            await OnGetAsync();
            return Page();
        }

        NotesError = DescribeBadNotes(notes);
        if (NotesError is not null)
        {
            NotesErrorRequestId = id;
            await OnGetAsync();
            return Page();
        }

        var scope = await scopes.LoadAsync(User);
        request.ChangeStatus(status, string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(), clock.GetUtcNow(), scope.DisplayName);
        await db.SaveChangesAsync();
        TempData["Message"] = $"Request {request.PublicId} is now {status.ToWire()}.";
        return RedirectToPage(new { Status, ServiceCode });
    }

    /// <summary>Applies the rule the API and the public site use for text: within the length limit and free of characters XML cannot carry.</summary>
    private static string? DescribeBadNotes(string? notes)
    {
        if (notes is null)
        {
            return null;
        }

        if (notes.Length > MaxNotesLength)
        {
            return $"Notes are {notes.Length} characters long; the limit is {MaxNotesLength}. Shorten them.";
        }

        var index = XmlCharacters.IndexOfInvalidCharacter(notes);
        return index < 0
            ? null
            : $"Notes contain a control character (U+{(int)notes[index]:X4} at position {index + 1}) that cannot be stored. Remove it and save again.";
    }
}
