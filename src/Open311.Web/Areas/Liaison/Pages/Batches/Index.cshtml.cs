using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Domain.Liaison;
using Open311.Web.Portal.Bulk;

namespace Open311.Web.Areas.Liaison.Pages.Batches;

public sealed class IndexModel(Open311DbContext db, LiaisonScopeService scopes) : PageModel
{
    public IReadOnlyList<LiaisonBatch> Batches { get; private set; } = [];

    public Open311.Domain.Jurisdictions.Jurisdiction? Jurisdiction { get; private set; }

    public async Task OnGetAsync()
    {
        var scope = await scopes.LoadAsync(User);
        Jurisdiction = scope.Jurisdiction;
        Batches = await db.LiaisonBatches.AsNoTracking()
            .Where(batch => batch.UserId == scope.UserId)
            .OrderByDescending(batch => batch.CreatedAt)
            .Take(200)
            .ToListAsync();
    }
}
