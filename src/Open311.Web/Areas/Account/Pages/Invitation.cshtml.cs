using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Open311.Web.Portal.Accounts;

namespace Open311.Web.Areas.Account.Pages;

/// <summary>The page an invitation link opens: the liaison sets a password, then signs in.</summary>
public sealed class InvitationModel(InvitationService invitations) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty]
    public string ConfirmPassword { get; set; } = string.Empty;

    public string? DisplayName { get; private set; }

    public bool CanSetPassword { get; private set; }

    public IReadOnlyList<string> ErrorMessages { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var check = await invitations.CheckAsync(Token);
        Show(check);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (Password != ConfirmPassword)
        {
            Show(await invitations.CheckAsync(Token));
            ErrorMessages = ["The two passwords differ. Type the same password twice."];
            return Page();
        }

        var result = await invitations.AcceptAsync(Token, Password);
        if (!result.Succeeded)
        {
            var check = await invitations.CheckAsync(Token);
            Show(check);
            ErrorMessages = [.. result.Errors];
            return Page();
        }

        TempData["Message"] = "Your password is set. Sign in with your email and the new password.";
        return Redirect("/account/signin");
    }

    private void Show(InvitationResult check)
    {
        CanSetPassword = check.Succeeded;
        DisplayName = check.User?.DisplayName;
        ErrorMessages = check.Errors;
    }
}
