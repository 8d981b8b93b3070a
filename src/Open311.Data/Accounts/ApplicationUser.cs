using Microsoft.AspNetCore.Identity;

namespace Open311.Data.Accounts;

/// <summary>A person who signs in: a neighbourhood liaison or a staff member (see <see cref="Roles"/>).</summary>
public sealed class ApplicationUser : IdentityUser
{
    /// <summary>The name shown on pages and written as the actor of request history entries.</summary>
    public string DisplayName { get; set; } = string.Empty;
}

/// <summary>The role names stored in <c>asp_net_roles</c>.</summary>
public static class Roles
{
    public const string Liaison = "liaison";
    public const string Staff = "staff";
}
