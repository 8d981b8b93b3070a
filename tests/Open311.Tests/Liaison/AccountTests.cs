using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Open311.Data.Accounts;

namespace Open311.Tests.Liaison;

public sealed partial class AccountTests(LiaisonAppFactory factory) : IClassFixture<LiaisonAppFactory>
{
    private const string NewPassword = "a long new passphrase";

    [Fact]
    public async Task Invitation_SetsPasswordOnceThenSignsIn()
    {
        var link = await InviteAsync("new.liaison@example.org", "Nia New");
        using var invitee = factory.CreatePortalClient();

        var page = await invitee.GetStringAsync(link);
        var accept = await invitee.PostFormAsync(link, new() { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        var signIn = await invitee.SignInAsync("new.liaison@example.org", NewPassword);
        using var again = factory.CreatePortalClient();
        var reuse = await again.Http.GetStringAsync(link);

        Assert.Contains("Welcome, Nia New.", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, accept.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/liaison", signIn.Headers.Location!.OriginalString);
        Assert.Contains("already been used", reuse, StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"Password\"", reuse, StringComparison.Ordinal);
        var user = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "new.liaison@example.org"));
        var roles = await factory.WithDbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == user.Id select r.Name).ToListAsync());
        Assert.Equal([Roles.Liaison], roles);
        var neighborhoods = await factory.WithDbAsync(db => db.LiaisonNeighborhoods.Where(a => a.UserId == user.Id).Select(a => a.NeighborhoodId).ToListAsync());
        Assert.Equal([factory.Seed.MissionId], neighborhoods);
    }

    [Fact]
    public async Task Invitation_StoresOnlyTokenHash()
    {
        var link = await InviteAsync("hash.check@example.org", "Hal Hash");
        var token = Uri.UnescapeDataString(link.Split("token=")[1]);

        var hashes = await factory.WithDbAsync(db => db.LiaisonInvitations.Select(i => i.TokenHash).ToListAsync());

        Assert.All(hashes, hash => Assert.Equal(32, hash.Length));
        Assert.Contains(hashes, hash => hash.SequenceEqual(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token))));
    }

    [Fact]
    public async Task Invitation_Expired_IsRefused()
    {
        var link = await InviteAsync("late.liaison@example.org", "Lou Late");
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE liaison_invitations SET expires_at = now() - interval '1 minute' WHERE user_id = (SELECT id FROM asp_net_users WHERE email = 'late.liaison@example.org')"));
        using var invitee = factory.CreatePortalClient();

        var page = await invitee.GetStringAsync(link);
        var token = await invitee.GetTokenAsync("/account/signin");
        var post = await invitee.Http.PostAsync(link, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword, ["__RequestVerificationToken"] = token,
        }));
        var postBody = await post.Content.ReadAsStringAsync();

        Assert.Contains("This invitation link has expired", page, StringComparison.Ordinal);
        Assert.Contains("This invitation link has expired", postBody, StringComparison.Ordinal);
        var user = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "late.liaison@example.org"));
        Assert.Null(user.PasswordHash);
    }

    [Fact]
    public async Task Invitation_ShortPassword_IsRefusedWithRule()
    {
        var link = await InviteAsync("short.pw@example.org", "Sho Short");
        using var invitee = factory.CreatePortalClient();

        var response = await invitee.PostFormAsync(link, new() { ["Password"] = "elevenchars", ["ConfirmPassword"] = "elevenchars" });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at least 12 characters", body, StringComparison.Ordinal);
        Assert.Null((await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "short.pw@example.org"))).PasswordHash);
    }

    [Fact]
    public async Task Invite_DuplicateEmail_ShowsError()
    {
        using var staff = await StaffAsync();

        var response = await staff.PostFormAsync("/staff/liaisons/invite", new() { ["Email"] = LiaisonSeed.LiaisonEmail, ["DisplayName"] = "Copy" });
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("is already taken", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-an-email", "Nia", "", "Email is invalid.")]
    [InlineData("", "Nia", "", "Email is missing.")]
    [InlineData("nia.blank@example.org", "", "", "Name is missing.")]
    [InlineData("nia.control@example.org", "Nia\u0001", "", "Name contains a control character.")]
    [InlineData("nia.area@example.org", "Nia", "999999", "A chosen neighbourhood does not exist.")]
    public async Task Invite_InvalidInput_ShowsErrorAndCreatesNoAccount(string email, string name, string neighborhoodId, string expected)
    {
        using var staff = await StaffAsync();
        var usersBefore = await factory.WithDbAsync(db => db.Users.CountAsync());
        var form = new Dictionary<string, string> { ["Email"] = email, ["DisplayName"] = System.Text.RegularExpressions.Regex.Unescape(name) };
        if (neighborhoodId.Length > 0)
        {
            form["NeighborhoodIds"] = neighborhoodId;
        }

        var response = await staff.PostFormAsync("/staff/liaisons/invite", form);
        var body = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, body, StringComparison.Ordinal);
        Assert.Equal(usersBefore, await factory.WithDbAsync(db => db.Users.CountAsync()));
    }

    [Fact]
    public async Task SignIn_FiveFailures_LocksAccount()
    {
        using var setter = factory.CreatePortalClient();
        var link = await InviteAsync("locked.two@example.org", "Lola Locked");
        await setter.PostFormAsync(link, new() { ["Password"] = NewPassword, ["ConfirmPassword"] = NewPassword });
        using var client = factory.CreatePortalClient();

        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SignInAsync("locked.two@example.org", "wrong password " + i);
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await client.SignInAsync("locked.two@example.org", NewPassword);
        var body = await right.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for 15 minutes after 5 failed sign-ins", body, StringComparison.Ordinal);
        var user = await factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "locked.two@example.org"));
        Assert.NotNull(user.LockoutEnd);
        Assert.InRange(user.LockoutEnd!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15));
    }

    private async Task<PortalClient> StaffAsync()
    {
        var staff = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await staff.SignInAsync(LiaisonSeed.StaffEmail, LiaisonSeed.Password)).StatusCode);
        return staff;
    }

    /// <summary>Invites through the staff page and returns the link's path and query as shown to staff.</summary>
    private async Task<string> InviteAsync(string email, string name)
    {
        using var staff = await StaffAsync();
        var invite = await staff.PostFormAsync("/staff/liaisons/invite", new()
        {
            ["Email"] = email,
            ["DisplayName"] = name,
            ["NeighborhoodIds"] = factory.Seed.MissionId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.Redirect, invite.StatusCode);
        var list = await staff.GetStringAsync(invite.Headers.Location!.OriginalString);
        var link = LinkPattern().Match(list);
        Assert.True(link.Success, "The liaisons page shows no invitation link.");
        return System.Net.WebUtility.HtmlDecode(link.Groups[1].Value);
    }

    [GeneratedRegex("<code id=\"invitation-link\">https://localhost(/account/invitation\\?token=[^<]+)</code>")]
    private static partial Regex LinkPattern();
}
