using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Open311.Web.Pages.Requests;

/// <summary>Target of the home page's "track a request" box: sends the visitor to the request page.</summary>
public sealed class FindModel : PageModel
{
    public IActionResult OnGet(string? number, string? jurisdiction)
    {
        var trimmed = number?.Trim().TrimStart('#');
        if (string.IsNullOrEmpty(trimmed))
        {
            return Redirect("/");
        }

        return RedirectToPage("/Requests/Details", new { id = trimmed, jurisdiction });
    }
}
