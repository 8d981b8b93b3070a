using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Open311.Tests.Site;

/// <summary>A report draft contains contact details, so only the browser that typed it may see, change or send it.</summary>
public sealed class DraftPrivacyTests(SiteAppFactory factory) : IClassFixture<SiteAppFactory>
{
    private const string DetailsUrl = "/report/details?service=" + SiteSeed.Pothole;

    private static List<KeyValuePair<string, string>> Personal(string description) =>
    [
        .. SitePages.ValidPothole(description).Where(f => f.Key is not ("email" or "first_name")),
        new("email", "private.person@example.org"),
        new("first_name", "Philippa"),
        new("last_name", "Privatesurname"),
        new("phone", "555-0199"),
    ];

    [Fact]
    public async Task PreviewUrl_FromAnotherClient_ShowsNoPersonalFields()
    {
        var owner = new SitePages(factory);
        var preview = await ReportFlow.PreviewAsync(owner, DetailsUrl, await owner.GetHtmlAsync(DetailsUrl), Personal("Draft privacy pothole"));
        var draftId = preview["/report/preview/".Length..];
        var ownHtml = await owner.GetHtmlAsync(preview);
        using var stranger = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = true, HandleCookies = true });

        var strangerPreview = await stranger.GetAsync(preview);
        var strangerHtml = await strangerPreview.Content.ReadAsStringAsync();
        var strangerChange = await stranger.GetStringAsync($"/report/details?service={SiteSeed.Pothole}&draft={draftId}").ContinueWith(t => t.IsFaulted ? t.Exception!.InnerException!.Message : t.Result);

        Assert.Contains("private.person@example.org", ownHtml);
        Assert.Equal(HttpStatusCode.Forbidden, strangerPreview.StatusCode);
        Assert.Contains("This report draft belongs to another browser", strangerHtml);
        Assert.Contains("href=\"/report\"", strangerHtml);
        foreach (var secret in new[] { "private.person@example.org", "Philippa", "Privatesurname", "555-0199", "Draft privacy pothole" })
        {
            Assert.DoesNotContain(secret, strangerHtml);
            Assert.DoesNotContain(secret, strangerChange);
        }
    }

    [Fact]
    public async Task SendFromAnotherClient_StoresNothing()
    {
        var owner = new SitePages(factory);
        var preview = await ReportFlow.PreviewAsync(owner, DetailsUrl, await owner.GetHtmlAsync(DetailsUrl), Personal("Stolen send pothole"));
        var stranger = new SitePages(factory);
        var strangerForm = await stranger.GetHtmlAsync(DetailsUrl);

        var sent = await stranger.PostFormAsync(preview + "?handler=Send", strangerForm, []);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal("/report/other-browser", sent.Headers.Location!.OriginalString);
        Assert.Equal(0, await factory.WithDbAsync(db => db.ServiceRequests.CountAsync(r => r.Description == "Stolen send pothole")));
    }

    [Fact]
    public async Task DraftCookie_IsHttpOnlyAndStrict()
    {
        var owner = new SitePages(factory);
        var response = await owner.PostFormAsync(DetailsUrl, await owner.GetHtmlAsync(DetailsUrl), Personal("Cookie pothole"));

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("open311.report=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var stored = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<byte[]>("SELECT owner_hash AS \"Value\" FROM site_report_drafts WHERE form->>'Description' = 'Cookie pothole'").SingleAsync());
        Assert.Equal(32, stored.Length);
    }
}
