namespace Open311.Web.Portal.Accounts;

/// <summary>Password and lockout rules; docs/liaison.md repeats them for people.</summary>
public static class AccountRules
{
    /// <summary>Length is what makes a password hard to guess, so there are no rules about symbols or case.</summary>
    public const int MinimumPasswordLength = 12;

    public const int MaxFailedSignIns = 5;

    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static readonly TimeSpan InvitationLifetime = TimeSpan.FromDays(7);
}
