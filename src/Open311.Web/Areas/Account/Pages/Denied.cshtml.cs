using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Open311.Web.Areas.Account.Pages;

public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
