using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Web.Portal.Accounts;
using Open311.Web.Portal.Bulk;

namespace Open311.Web.Areas.Staff.Pages.Liaisons;

public sealed class InviteModel(
    Open311DbContext db, InvitationService invitations, LiaisonScopeService scopes, IValidator<InviteLiaisonInput> validator) : PageModel
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
        var input = new InviteLiaisonInput(Email, DisplayName, NeighborhoodIds, Neighborhoods.Select(n => n.Id).ToHashSet());
        var validation = await validator.ValidateAsync(input);
        if (!validation.IsValid)
        {
            ErrorMessages = validation.Errors.Select(error => error.ErrorMessage).Distinct().ToList();
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
