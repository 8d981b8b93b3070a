using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Open311.Tests.Liaison;

public sealed class PortalAccessTests(LiaisonAppFactory factory) : IClassFixture<LiaisonAppFactory>
{
    [Theory]
    [InlineData("/liaison")]
    [InlineData("/liaison/upload")]
    [InlineData("/staff/liaisons")]
    [InlineData("/staff/requests")]
    [InlineData("/liaison/templates/GRAFFITI.csv")]
    public async Task Anonymous_IsRedirectedToSignIn(string path)
    {
        using var client = factory.CreatePortalClient();

        var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/signin", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/staff/liaisons")]
    [InlineData("/staff/liaisons/invite")]
    [InlineData("/staff/requests")]
    public async Task Liaison_CannotReachStaffPages(string path)
    {
        using var client = await SignedInAsync(LiaisonSeed.LiaisonEmail);

        var response = await client.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("https://localhost/account/denied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Liaison_CannotReachOtherLiaisonsBatch()
    {
        using var owner = await SignedInAsync(LiaisonSeed.LiaisonEmail);
        var batchId = await owner.UploadBatchAsync(LiaisonSeed.GraffitiCsv([LiaisonSeed.GraffitiRow("private batch")]));
        using var other = await SignedInAsync(LiaisonSeed.OtherLiaisonEmail);

        var page = await other.Http.GetAsync($"/liaison/batches/{batchId}");
        var failed = await other.Http.GetAsync($"/liaison/batches/{batchId}/failed.csv");
        var submit = await other.SubmitAsync(batchId);

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("https://localhost/account/denied", page.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, failed.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        var status = await factory.WithDbAsync(db => db.LiaisonBatches.Where(b => b.Id == batchId).Select(b => b.Status).SingleAsync());
        Assert.Equal("draft", status);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ServiceRequests.CountAsync(r => r.BatchId == batchId)));
    }

    [Fact]
    public async Task Staff_ReachesStaffAndLiaisonPages()
    {
        using var owner = await SignedInAsync(LiaisonSeed.LiaisonEmail);
        var batchId = await owner.UploadBatchAsync(LiaisonSeed.GraffitiCsv([LiaisonSeed.GraffitiRow("seen by staff")]));
        using var staff = await SignedInAsync(LiaisonSeed.StaffEmail);

        var liaisons = await staff.GetStringAsync("/staff/liaisons");
        var requests = await staff.GetStringAsync("/staff/requests");
        var dashboard = await staff.GetStringAsync("/liaison");
        var batch = await staff.GetStringAsync($"/liaison/batches/{batchId}");

        Assert.Contains("Lee Liaison", liaisons, StringComparison.Ordinal);
        Assert.Contains("Mission", liaisons, StringComparison.Ordinal);
        Assert.Contains("<h1>Requests</h1>", requests, StringComparison.Ordinal);
        Assert.Contains("My requests", dashboard, StringComparison.Ordinal);
        Assert.Contains("seen by staff", batch, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WrongPassword_ShowsError()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.SignInAsync(LiaisonSeed.StaffEmail, "not the password at all");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is wrong.", body, StringComparison.Ordinal);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("open311.auth=", StringComparison.Ordinal) && !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task SignIn_SetsSecureHttpOnlyCookie()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.SignInAsync(LiaisonSeed.LiaisonEmail, LiaisonSeed.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/liaison", response.Headers.Location!.OriginalString);
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("open311.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task SignIn_PostWithoutAntiforgeryToken_IsRejected()
    {
        using var client = factory.CreatePortalClient();

        var response = await client.Http.PostAsync("/account/signin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = LiaisonSeed.LiaisonEmail,
            ["Password"] = LiaisonSeed.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private async Task<PortalClient> SignedInAsync(string email)
    {
        var client = factory.CreatePortalClient();
        var response = await client.SignInAsync(email, LiaisonSeed.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
