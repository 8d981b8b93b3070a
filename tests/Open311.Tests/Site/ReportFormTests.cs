using System.Net;
using Microsoft.EntityFrameworkCore;
using Open311.Domain.Requests;

namespace Open311.Tests.Site;

public sealed class ReportFormTests(SiteAppFactory factory) : IClassFixture<SiteAppFactory>
{
    private const string DetailsUrl = "/report/details?service=" + SiteSeed.Pothole;

    private async Task<int> CountRequestsAsync() => await factory.WithDbAsync(db => db.ServiceRequests.CountAsync());

    private async Task<int> CountDraftsAsync() =>
        await factory.WithDbAsync(db => db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM site_report_drafts").SingleAsync());

    [Fact]
    public async Task Details_InvalidFields_ShowEachErrorBesideItsFieldAndKeepValues()
    {
        var pages = new SitePages(factory);
        var form = await pages.GetHtmlAsync(DetailsUrl);
        var drafts = await CountDraftsAsync();
        var fields = new List<KeyValuePair<string, string>>
        {
            new("jurisdiction", SiteSeed.JurisdictionId),
            new("service", SiteSeed.Pothole),
            new("attribute[DEPTH]", "deep"),
            new("attribute[PLATE]", "near 12"),
            new("description", "Kept description"),
            new("email", "not-an-email"),
        };

        var response = await pages.PostFormAsync(DetailsUrl, form, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("There is a problem", html);
        Assert.Contains("id=\"err-f-attribute-WHERE-\"", html);
        Assert.Contains("id=\"err-f-attribute-DEPTH-\"", html);
        Assert.Contains("id=\"err-f-location\"", html);
        Assert.Contains("id=\"err-f-email\"", html);
        Assert.Contains("aria-describedby=\"err-f-email\"", SitePages.Around(html, "f-email"));
        Assert.Contains("aria-invalid=\"true\"", SitePages.Around(html, "f-email", 250));
        Assert.Contains("href=\"#f-attribute-WHERE-\"", html);
        Assert.Contains("value=\"deep\"", SitePages.Around(html, "f-attribute-DEPTH-"));
        Assert.Contains("value=\"near 12\"", SitePages.Around(html, "f-attribute-PLATE-"));
        Assert.Contains(">Kept description</textarea>", html);
        Assert.Contains("value=\"not-an-email\"", SitePages.Around(html, "f-email"));
        Assert.Equal(drafts, await CountDraftsAsync());
    }

    [Fact]
    public async Task Details_PointOutsideArea_ShowsServiceAreaMessageAndStoresNothing()
    {
        var pages = new SitePages(factory);
        var form = await pages.GetHtmlAsync(DetailsUrl);
        var before = await CountRequestsAsync();
        var drafts = await CountDraftsAsync();
        var fields = SitePages.ValidPothole("Hole far away");
        fields.RemoveAll(f => f.Key is "lat" or "long");
        fields.Add(new("lat", SiteSeed.OutsideLat));
        fields.Add(new("long", SiteSeed.OutsideLong));

        var response = await pages.PostFormAsync(DetailsUrl, form, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("outside the service area", html);
        Assert.Contains("Move the pin inside the service area", html);
        Assert.Contains($"value=\"{SiteSeed.OutsideLat}\"", SitePages.Around(html, "f-lat"));
        Assert.Contains("value=\"10 Grove St\"", SitePages.Around(html, "f-address_string"));
        Assert.Contains(">Hole far away</textarea>", html);
        Assert.Contains("checked=\"checked\"", SitePages.Around(html, "f-attribute-WHERE-", 200));
        Assert.Equal(before, await CountRequestsAsync());
        Assert.Equal(drafts, await CountDraftsAsync());
    }

    [Fact]
    public async Task Details_NoPlace_AsksForPinOrAddressWithoutGuessing()
    {
        var pages = new SitePages(factory);
        var form = await pages.GetHtmlAsync(DetailsUrl);
        var fields = SitePages.ValidPothole("Somewhere");
        fields.RemoveAll(f => f.Key is "lat" or "long" or "address_string");

        var response = await pages.PostFormAsync(DetailsUrl, form, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Missing place: drop a pin on the map, type the latitude and longitude, or type the address.", html);
        Assert.DoesNotContain("value=", SitePages.Around(html, "f-lat", 150));
        Assert.Contains(">Somewhere</textarea>", html);
    }

    [Fact]
    public async Task Send_AddressOnly_StoresAddressWithoutCoordinates()
    {
        var pages = new SitePages(factory);
        var form = await pages.GetHtmlAsync(DetailsUrl);
        var fields = SitePages.ValidPothole("Address only report");
        fields.RemoveAll(f => f.Key is "lat" or "long" or "address_string");
        fields.Add(new("address_string", "Corner of Fell and Polk"));

        var publicId = await ReportFlow.SendAsync(pages, DetailsUrl, form, fields);

        var stored = await factory.WithDbAsync(db => db.ServiceRequests.AsNoTracking().SingleAsync(r => r.PublicId == publicId));
        Assert.Equal("Corner of Fell and Polk", stored.Address);
        Assert.Null(stored.Location);
        Assert.Equal(RequestChannels.Web, stored.Channel);
    }

    [Fact]
    public async Task Send_ScriptInDescription_IsStoredAsTextAndShownEscaped()
    {
        const string hostile = "<script>alert(1)</script> & \"quotes\"";
        var pages = new SitePages(factory);
        var form = await pages.GetHtmlAsync(DetailsUrl);
        var fields = SitePages.ValidPothole(hostile);
        fields.Add(new("attribute[NOTES]", hostile));

        var publicId = await ReportFlow.SendAsync(pages, DetailsUrl, form, fields);
        var page = await pages.GetHtmlAsync($"/requests/{publicId}");

        var stored = await factory.WithDbAsync(db => db.ServiceRequests.AsNoTracking().SingleAsync(r => r.PublicId == publicId));
        Assert.Equal(hostile, stored.Description);
        Assert.DoesNotContain("<script>alert(1)", page);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;", page);
    }

    [Fact]
    public async Task Send_ConditionalQuestion_IsRequiredOnlyWhenItsConditionHolds()
    {
        var pages = new SitePages(factory);
        var form = await pages.GetHtmlAsync(DetailsUrl);
        var other = SitePages.ValidPothole("Other place");
        other.RemoveAll(f => f.Key == "attribute[WHERE]");
        other.Add(new("attribute[WHERE]", "Other"));

        var missing = await pages.PostFormAsync(DetailsUrl, form, other);
        var missingHtml = await missing.Content.ReadAsStringAsync();
        var notApplicable = SitePages.ValidPothole("Road place");
        notApplicable.Add(new("attribute[WHERE-OTHER]", "answer to a hidden question"));
        var publicId = await ReportFlow.SendAsync(pages, DetailsUrl, form, notApplicable);

        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("id=\"err-f-attribute-WHERE-OTHER-\"", missingHtml);
        Assert.Contains("Answer only if “Where is the hole?” is “Somewhere else”.", form);
        var stored = await factory.WithDbAsync(db => db.ServiceRequests.AsNoTracking().SingleAsync(r => r.PublicId == publicId));
        Assert.False(stored.Attributes.ContainsKey("WHERE-OTHER"));
        Assert.Equal(["Road"], stored.Attributes["WHERE"]);
    }

    [Fact]
    public async Task Details_EveryDatatype_RendersItsControl()
    {
        var pages = new SitePages(factory);

        var html = await pages.GetHtmlAsync(DetailsUrl);

        Assert.Contains("type=\"radio\" id=\"f-attribute-WHERE-\"", html);
        Assert.Contains("type=\"checkbox\" id=\"f-attribute-HAZARDS-\"", html);
        Assert.Contains("id=\"f-attribute-DEPTH-\" name=\"attribute[DEPTH]\" type=\"text\" inputmode=\"decimal\"", html);
        Assert.Contains("id=\"f-attribute-SEEN-\" name=\"attribute[SEEN]\" type=\"datetime-local\"", html);
        Assert.Contains("<textarea id=\"f-attribute-NOTES-\"", html);
        Assert.Contains("id=\"f-attribute-PLATE-\" name=\"attribute[PLATE]\" type=\"text\"", html);
        Assert.Contains("<p class=\"info-text\">Crews fill most potholes within three days.</p>", html);
        Assert.Contains("<legend>Where is the hole? (required)</legend>", html);
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_IsRejected()
    {
        var pages = new SitePages(factory);
        var before = await CountRequestsAsync();
        var drafts = await CountDraftsAsync();
        using var content = new FormUrlEncodedContent(SitePages.ValidPothole("No token"));

        var response = await pages.Client.PostAsync(DetailsUrl, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, await CountRequestsAsync());
        Assert.Equal(drafts, await CountDraftsAsync());
    }

    [Fact]
    public async Task Send_SecondClick_StoresTheReportOnce()
    {
        var pages = new SitePages(factory);
        var form = await pages.GetHtmlAsync(DetailsUrl);
        var preview = await ReportFlow.PreviewAsync(pages, DetailsUrl, form, SitePages.ValidPothole("Double click"));
        var previewHtml = await pages.GetHtmlAsync(preview);

        var first = await pages.PostFormAsync(preview + "?handler=Send", previewHtml, []);
        var second = await pages.PostFormAsync(preview + "?handler=Send", previewHtml, []);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ServiceRequests.CountAsync(r => r.Description == "Double click")));
    }

    [Fact]
    public async Task MeToo_NearbyOpenRequest_AddsNoteInsteadOfNewRequest()
    {
        var pages = new SitePages(factory);
        var form = await pages.GetHtmlAsync(DetailsUrl);
        var before = await CountRequestsAsync();
        var preview = await ReportFlow.PreviewAsync(pages, DetailsUrl, form, SitePages.ValidPothole("Same hole as before"));
        var previewHtml = await pages.GetHtmlAsync(preview);

        var response = await pages.PostFormAsync(preview + "?handler=MeToo", previewHtml, [new("request", SiteSeed.OpenPublicId)]);

        Assert.Contains($"#{SiteSeed.OpenPublicId}", previewHtml);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"/report/done/{SiteSeed.OpenPublicId}", response.Headers.Location!.OriginalString);
        Assert.Equal(before, await CountRequestsAsync());
        var notes = await factory.WithDbAsync(db => db.RequestEvents.AsNoTracking()
            .Where(e => db.ServiceRequests.Any(r => r.Id == e.RequestId && r.PublicId == SiteSeed.OpenPublicId))
            .Select(e => e.Notes).ToListAsync());
        Assert.Contains("Another resident reported the same problem through the website.", notes);
    }

    [Fact]
    public async Task Send_WithPhoto_StoresMediaUrlAndShowsPhoto()
    {
        byte[] png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");
        var pages = new SitePages(factory);
        var form = await pages.GetHtmlAsync(DetailsUrl);

        var response = await pages.PostFormWithFileAsync(DetailsUrl, form, SitePages.ValidPothole("With a photo"), "hole.png", png);
        var preview = response.Headers.Location!.OriginalString;
        var previewHtml = await pages.GetHtmlAsync(preview);
        var sent = await pages.PostFormAsync(preview + "?handler=Send", previewHtml, []);
        var publicId = sent.Headers.Location!.OriginalString["/report/done/".Length..].Split('?')[0];
        var page = await pages.GetHtmlAsync($"/requests/{publicId}");

        Assert.Contains("<dd>1 attached</dd>", previewHtml);
        var stored = await factory.WithDbAsync(db => db.ServiceRequests.AsNoTracking().SingleAsync(r => r.PublicId == publicId));
        Assert.NotNull(stored.MediaUrl);
        Assert.Matches("/media/[0-9a-f]{32}\\.png$", stored.MediaUrl);
        var path = new Uri(stored.MediaUrl!).AbsolutePath;
        Assert.Contains($"<img class=\"photo\" src=\"{path}\"", page);
        var image = await pages.Client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
    }

    [Fact]
    public async Task Details_FileNotAnImage_ShowsErrorBesidePhotoField()
    {
        var pages = new SitePages(factory);
        var form = await pages.GetHtmlAsync(DetailsUrl);
        var drafts = await CountDraftsAsync();

        var response = await pages.PostFormWithFileAsync(DetailsUrl, form, SitePages.ValidPothole("Not a photo"), "notes.txt", "just some text"u8.ToArray());
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("id=\"err-f-media\"", html);
        Assert.Contains("not a supported image", html);
        Assert.Contains("attach your photos again", html);
        Assert.Contains(">Not a photo</textarea>", html);
        Assert.Equal(drafts, await CountDraftsAsync());
    }
}
