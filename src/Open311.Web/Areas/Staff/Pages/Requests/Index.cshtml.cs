using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Domain.Requests;
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

        if (!RequestStatuses.TryParse(newStatus, out var status) || (notes?.Length ?? 0) > MaxNotesLength)
        {
            ErrorMessage = !RequestStatuses.TryParse(newStatus, out _)
                ? $"Unknown status '{newStatus}'. Choose one of the listed statuses."
                : $"Notes are {notes!.Length} characters long; the limit is {MaxNotesLength}.";
            await OnGetAsync();
            return Page();
        }

        var scope = await scopes.LoadAsync(User);
        request.ChangeStatus(status, string.IsNullOrWhiteSpace(notes) ? null : notes.Trim(), clock.GetUtcNow(), scope.DisplayName);
        await db.SaveChangesAsync();
        TempData["Message"] = $"Request {request.PublicId} is now {status.ToWire()}.";
        return RedirectToPage(new { Status, ServiceCode });
    }
}
