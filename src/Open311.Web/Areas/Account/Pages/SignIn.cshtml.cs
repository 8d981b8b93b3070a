using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Open311.Data.Accounts;
using Open311.Web.Portal.Accounts;

namespace Open311.Web.Areas.Account.Pages;

public sealed partial class SignInModel(SignInManager<ApplicationUser> signIn, UserManager<ApplicationUser> users, ILogger<SignInModel> logger) : PageModel
{
    [BindProperty]
    public string Email { get; set; } = string.Empty;

    [BindProperty]
    public string Password { get; set; } = string.Empty;

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public string? ErrorMessage { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = string.IsNullOrWhiteSpace(Email) ? null : await users.FindByEmailAsync(Email.Trim());
        if (user is null)
        {
            ErrorMessage = "The email or password is wrong.";
            return Page();
        }

        var result = await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            LogLockedOut(logger, user.Id);
            ErrorMessage = $"This account is locked for {AccountRules.LockoutDuration.TotalMinutes:N0} minutes after {AccountRules.MaxFailedSignIns} failed sign-ins. Try again later or ask staff to unlock it.";
            return Page();
        }

        if (!result.Succeeded)
        {
            ErrorMessage = "The email or password is wrong.";
            return Page();
        }

        LogSignedIn(logger, user.Id);
        if (!string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl))
        {
            return LocalRedirect(ReturnUrl);
        }

        return await users.IsInRoleAsync(user, Roles.Staff) ? Redirect("/staff/requests") : Redirect("/liaison");
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Information, Message = "User {UserId} signed in")]
    private static partial void LogSignedIn(ILogger logger, string userId);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Warning, Message = "User {UserId} is locked out after failed sign-ins")]
    private static partial void LogLockedOut(ILogger logger, string userId);
}
