using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Data.Accounts;
using Open311.Web.Portal.Accounts;
using Open311.Web.Portal.Bulk;

namespace Open311.Web.Areas.Staff.Pages.Liaisons;

public sealed record LiaisonListItem(string Id, string DisplayName, string? Email, bool HasPassword, DateTimeOffset? LockedUntil, IReadOnlyList<string> Neighborhoods);

public sealed class IndexModel(Open311DbContext db, UserManager<ApplicationUser> users, InvitationService invitations, LiaisonScopeService scopes) : PageModel
{
    public IReadOnlyList<LiaisonListItem> Liaisons { get; private set; } = [];

    public string? InvitationLink { get; private set; }

    public string? InvitedName { get; private set; }

    public async Task OnGetAsync()
    {
        if (TempData["InvitationToken"] is string token)
        {
            InvitationLink = LinkFor(token);
            InvitedName = TempData["InvitedName"] as string;
        }

        var liaisons = await users.GetUsersInRoleAsync(Roles.Liaison);
        var ids = liaisons.Select(u => u.Id).ToList();
        var assignments = await (
                from assignment in db.LiaisonNeighborhoods
                join neighborhood in db.Neighborhoods on assignment.NeighborhoodId equals neighborhood.Id
                where ids.Contains(assignment.UserId)
                select new { assignment.UserId, neighborhood.Name })
            .ToListAsync();
        var now = DateTimeOffset.UtcNow;
        Liaisons = [.. liaisons.OrderBy(u => u.DisplayName).Select(u => new LiaisonListItem(
            u.Id, u.DisplayName, u.Email, u.PasswordHash is not null, u.LockoutEnd > now ? u.LockoutEnd : null,
            [.. assignments.Where(a => a.UserId == u.Id).Select(a => a.Name).Order()]))];
    }

    public async Task<IActionResult> OnPostReissueAsync(string id)
    {
        var scope = await scopes.LoadAsync(User);
        var result = await invitations.ReissueAsync(id, scope.DisplayName);
        if (result.Succeeded)
        {
            TempData["InvitationToken"] = result.Token;
            TempData["InvitedName"] = result.User!.DisplayName;
        }

        return RedirectToPage();
    }

    private string LinkFor(string token) => $"{Request.Scheme}://{Request.Host}/account/invitation?token={Uri.EscapeDataString(token)}";
}
