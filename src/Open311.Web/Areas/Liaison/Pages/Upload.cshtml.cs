using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Domain.Services;
using Open311.Web.Portal.Bulk;

namespace Open311.Web.Areas.Liaison.Pages;

[RequestSizeLimit(BulkLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = BulkLimits.MaxRequestBytes)]
public sealed class UploadModel(Open311DbContext db, LiaisonScopeService scopes, BatchService batches) : PageModel
{
    public IReadOnlyList<Service> Services { get; private set; } = [];

    public string? ErrorMessage { get; private set; }

    public async Task OnGetAsync() => Services = await LoadServicesAsync(await scopes.LoadAsync(User));

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        var scope = await scopes.LoadAsync(User);
        if (scope.Jurisdiction is null)
        {
            ErrorMessage = "No jurisdiction is set up on this server yet, so nothing can be submitted.";
            return Page();
        }

        if (file is null || file.Length == 0)
        {
            ErrorMessage = "No file was chosen, or the file is empty. Choose a CSV file and try again.";
            Services = await LoadServicesAsync(scope);
            return Page();
        }

        if (file.Length > BulkLimits.MaxFileBytes)
        {
            ErrorMessage = $"The file is {file.Length / 1024:N0} KB; the limit is {BulkLimits.MaxFileBytes / 1024:N0} KB. Split it into smaller files.";
            Services = await LoadServicesAsync(scope);
            return Page();
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer);
        var (batch, error) = await batches.CreateFromFileAsync(scope, file.FileName, buffer.ToArray());
        if (batch is null)
        {
            ErrorMessage = error;
            Services = await LoadServicesAsync(scope);
            return Page();
        }

        return RedirectToPage("/Batches/Details", new { area = "Liaison", id = batch.Id });
    }

    private async Task<IReadOnlyList<Service>> LoadServicesAsync(LiaisonScope scope) => scope.Jurisdiction is null ? [] :
        await db.Services.AsNoTracking()
            .Where(s => s.JurisdictionId == scope.Jurisdiction.Id && s.Active)
            .Include(s => s.Attributes).ThenInclude(a => a.Values)
            .AsSplitQuery()
            .OrderBy(s => s.Name)
            .ToListAsync();
}
