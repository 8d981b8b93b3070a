using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Web.Portal.Accounts;
using Open311.Web.Portal.Bulk;

namespace Open311.Web.Areas.Staff.Pages.Liaisons;

public sealed class InviteModel(Open311DbContext db, InvitationService invitations, LiaisonScopeService scopes) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = string.Empty;

    [BindProperty]
    public string DisplayName { get; set; } = string.Empty;

    [BindProperty]
    public List<int> NeighborhoodIds { get; set; } = [];

    public IReadOnlyList<NeighborhoodRef> Neighborhoods { get; private set; } = [];

    public IReadOnlyList<string> ErrorMessages { get; private set; } = [];

    public async Task OnGetAsync() => Neighborhoods = await NeighborhoodChoices.LoadAsync(db, await scopes.LoadAsync(User));

    public async Task<IActionResult> OnPostAsync()
    {
        var scope = await scopes.LoadAsync(User);
        Neighborhoods = await NeighborhoodChoices.LoadAsync(db, scope);
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(Email) || !Email.Contains('@', StringComparison.Ordinal))
        {
            errors.Add("Email is missing or invalid. Enter the liaison's email address, such as name@example.org.");
        }

        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            errors.Add("Name is missing. Enter the name the liaison goes by.");
        }

        var unknown = NeighborhoodIds.Except(Neighborhoods.Select(n => n.Id)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add("A chosen neighbourhood does not exist. Reload the page and choose again.");
        }

        if (errors.Count > 0)
        {
            ErrorMessages = errors;
            return Page();
        }

        var result = await invitations.InviteLiaisonAsync(Email, DisplayName, NeighborhoodIds, scope.DisplayName);
        if (!result.Succeeded)
        {
            ErrorMessages = result.Errors;
            return Page();
        }

        TempData["InvitationToken"] = result.Token;
        TempData["InvitedName"] = result.User!.DisplayName;
        return RedirectToPage("Index");
    }
}

/// <summary>The neighbourhoods of the staff member's jurisdiction, by name.</summary>
internal static class NeighborhoodChoices
{
    public static async Task<IReadOnlyList<NeighborhoodRef>> LoadAsync(Open311DbContext db, LiaisonScope scope)
    {
        if (scope.Jurisdiction is null)
        {
            return [];
        }

        return await db.Neighborhoods.AsNoTracking()
            .Where(n => n.JurisdictionId == scope.Jurisdiction.Id)
            .OrderBy(n => n.Name)
            .Select(n => new NeighborhoodRef(n.Id, n.Name))
            .ToListAsync();
    }
}
