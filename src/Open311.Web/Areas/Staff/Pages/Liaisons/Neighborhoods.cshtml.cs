using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Data.Accounts;
using Open311.Domain.Liaison;
using Open311.Web.Portal.Bulk;

namespace Open311.Web.Areas.Staff.Pages.Liaisons;

public sealed class NeighborhoodsModel(Open311DbContext db, UserManager<ApplicationUser> users, LiaisonScopeService scopes) : PageModel
{
    [BindProperty]
    public List<int> NeighborhoodIds { get; set; } = [];

    public string DisplayName { get; private set; } = string.Empty;

    public IReadOnlyList<NeighborhoodRef> Neighborhoods { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null)
        {
            return NotFound();
        }

        DisplayName = user.DisplayName;
        Neighborhoods = await NeighborhoodChoices.LoadAsync(db, await scopes.LoadAsync(User));
        NeighborhoodIds = await db.LiaisonNeighborhoods.Where(a => a.UserId == id).Select(a => a.NeighborhoodId).ToListAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id)
    {
        var user = await users.FindByIdAsync(id);
        if (user is null || !await users.IsInRoleAsync(user, Roles.Liaison))
        {
            return NotFound();
        }

        var choices = await NeighborhoodChoices.LoadAsync(db, await scopes.LoadAsync(User));
        var chosen = NeighborhoodIds.Intersect(choices.Select(n => n.Id)).ToHashSet();
        var current = await db.LiaisonNeighborhoods.Where(a => a.UserId == id).ToListAsync();
        db.LiaisonNeighborhoods.RemoveRange(current.Where(a => !chosen.Contains(a.NeighborhoodId)));
        db.LiaisonNeighborhoods.AddRange(chosen.Where(n => current.All(a => a.NeighborhoodId != n)).Select(n => new LiaisonNeighborhood(id, n)));
        await db.SaveChangesAsync();
        return RedirectToPage("Index");
    }
}
