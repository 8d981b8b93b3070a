using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Data.Accounts;
using Open311.Domain.Liaison;

namespace Open311.Web.Portal.Accounts;

/// <summary>The outcome of an invitation step: <see cref="Errors"/> is empty on success.</summary>
public sealed record InvitationResult(ApplicationUser? User, string? Token, IReadOnlyList<string> Errors)
{
    public bool Succeeded => Errors.Count == 0;

    public static InvitationResult Fail(params string[] errors) => new(null, null, errors);
}

/// <summary>
/// Creates liaison accounts without a password and the single-use links through which liaisons set one.
/// Links are handed over by staff in person or by their own mail; the server sends no email.
/// </summary>
public sealed class InvitationService(
    Open311DbContext db,
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    TimeProvider clock)
{
    /// <summary>Creates the account, assigns its neighbourhoods and returns the invitation token (shown once).</summary>
    public async Task<InvitationResult> InviteLiaisonAsync(string email, string displayName, IReadOnlyCollection<int> neighborhoodIds, string invitedBy)
    {
        await EnsureRoleAsync(Roles.Liaison);
        var user = new ApplicationUser { UserName = email.Trim(), Email = email.Trim(), DisplayName = displayName.Trim(), EmailConfirmed = true, LockoutEnabled = true };

        await using var transaction = await db.Database.BeginTransactionAsync();
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
        {
            return InvitationResult.Fail([.. created.Errors.Select(error => error.Description)]);
        }

        await users.AddToRoleAsync(user, Roles.Liaison);
        db.LiaisonNeighborhoods.AddRange(neighborhoodIds.Distinct().Select(id => new LiaisonNeighborhood(user.Id, id)));
        var token = AddInvitation(user.Id, invitedBy);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new InvitationResult(user, token, []);
    }

    /// <summary>Makes a new link for an existing account and retires its unused older links.</summary>
    public async Task<InvitationResult> ReissueAsync(string userId, string invitedBy)
    {
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return InvitationResult.Fail("The account was not found.");
        }

        var now = clock.GetUtcNow();
        var open = await db.LiaisonInvitations.Where(invitation => invitation.UserId == userId && invitation.UsedAt == null).ToListAsync();
        open.ForEach(invitation => invitation.MarkUsed(now));
        var token = AddInvitation(userId, invitedBy);
        await db.SaveChangesAsync();
        return new InvitationResult(user, token, []);
    }

    /// <summary>Returns the account behind a usable token, or why the token cannot be used.</summary>
    public async Task<InvitationResult> CheckAsync(string? token)
    {
        var invitation = await FindAsync(token);
        if (invitation is null)
        {
            return InvitationResult.Fail("This invitation link is not valid. Ask staff for a new one.");
        }

        if (invitation.UsedAt is not null)
        {
            return InvitationResult.Fail("This invitation link has already been used. Sign in with your password, or ask staff for a new link.");
        }

        if (!invitation.IsUsable(clock.GetUtcNow()))
        {
            return InvitationResult.Fail("This invitation link has expired. Ask staff for a new one.");
        }

        return new InvitationResult(await users.FindByIdAsync(invitation.UserId), token, []);
    }

    /// <summary>Sets the account's password and uses up the link; both happen or neither does.</summary>
    public async Task<InvitationResult> AcceptAsync(string? token, string password)
    {
        var check = await CheckAsync(token);
        if (!check.Succeeded || check.User is null)
        {
            return check;
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var invitation = (await FindAsync(token))!;
        var user = check.User;
        var result = user.PasswordHash is null
            ? await users.AddPasswordAsync(user, password)
            : await ResetPasswordAsync(user, password);
        if (!result.Succeeded)
        {
            return InvitationResult.Fail([.. result.Errors.Select(error => error.Description)]);
        }

        invitation.MarkUsed(clock.GetUtcNow());
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return new InvitationResult(user, null, []);
    }

    private async Task<IdentityResult> ResetPasswordAsync(ApplicationUser user, string password)
    {
        var resetToken = await users.GeneratePasswordResetTokenAsync(user);
        return await users.ResetPasswordAsync(user, resetToken, password);
    }

    private string AddInvitation(string userId, string invitedBy)
    {
        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        db.LiaisonInvitations.Add(new LiaisonInvitation(userId, Hash(token), now, now + AccountRules.InvitationLifetime, invitedBy));
        return token;
    }

    private async Task<LiaisonInvitation?> FindAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token.Trim());
        return await db.LiaisonInvitations.SingleOrDefaultAsync(invitation => invitation.TokenHash == hash);
    }

    private async Task EnsureRoleAsync(string role)
    {
        if (!await roles.RoleExistsAsync(role))
        {
            await roles.CreateAsync(new IdentityRole(role));
        }
    }

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
