using System.Net;

namespace Open311.Tests.Site;

/// <summary>Steps of the report flow as a browser without JavaScript takes them.</summary>
public static class ReportFlow
{
    /// <summary>Posts the details form and returns the preview URL it redirects to.</summary>
    public static async Task<string> PreviewAsync(SitePages pages, string detailsUrl, string formPage, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var response = await pages.PostFormAsync(detailsUrl, formPage, fields);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect to the preview, got {(int)response.StatusCode}: {body[..Math.Min(body.Length, 3000)]}");
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/report/preview/", location);
        return location;
    }

    /// <summary>Posts the details form, sends the report from the preview and returns the new request's number.</summary>
    public static async Task<string> SendAsync(SitePages pages, string detailsUrl, string formPage, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var preview = await PreviewAsync(pages, detailsUrl, formPage, fields);
        var previewHtml = await pages.GetHtmlAsync(preview);
        var sent = await pages.PostFormAsync(preview + "?handler=Send", previewHtml, []);
        var body = await sent.Content.ReadAsStringAsync();
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, $"Expected a redirect to the confirmation, got {(int)sent.StatusCode}: {body[..Math.Min(body.Length, 3000)]}");
        var done = sent.Headers.Location!.OriginalString;
        Assert.StartsWith("/report/done/", done);
        var confirmation = await pages.GetHtmlAsync(done);
        var publicId = done["/report/done/".Length..].Split('?')[0];
        Assert.Contains($"<strong id=\"request-number\">{publicId}</strong>", confirmation);
        return publicId;
    }
}
