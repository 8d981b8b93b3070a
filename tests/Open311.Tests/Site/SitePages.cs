using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Open311.Tests.Site;

/// <summary>A browser-like client for the site's forms: keeps cookies, reads the antiforgery token from each form page and does not follow redirects.</summary>
public sealed partial class SitePages(SiteAppFactory factory)
{
    public HttpClient Client { get; } = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task<string> GetHtmlAsync(string url)
    {
        var response = await Client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} returned {(int)response.StatusCode}: {body[..Math.Min(body.Length, 2000)]}");
        return body;
    }

    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery token.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>Posts the fields as multipart form data, as the browser sends the report form, with the token of <paramref name="formPage"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string url, string formPage, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(Token(formPage)), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        return await Client.PostAsync(url, content);
    }

    /// <summary>Posts the fields and one file in the <c>media</c> field, as a browser sends an attached photo.</summary>
    public async Task<HttpResponseMessage> PostFormWithFileAsync(
        string url, string formPage, IEnumerable<KeyValuePair<string, string>> fields, string fileName, byte[] file)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(Token(formPage)), "__RequestVerificationToken");
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        content.Add(new ByteArrayContent(file), "media", fileName);
        return await Client.PostAsync(url, content);
    }

    /// <summary>The report form's fields for a valid pothole report inside the area, to be changed by each test.</summary>
    public static List<KeyValuePair<string, string>> ValidPothole(string description) =>
    [
        new("jurisdiction", SiteSeed.JurisdictionId),
        new("service", SiteSeed.Pothole),
        new("attribute[WHERE]", "Road"),
        new("description", description),
        new("lat", SiteSeed.InsideLat),
        new("long", SiteSeed.InsideLong),
        new("address_string", "10 Grove St"),
        new("email", "someone@example.org"),
        new("first_name", "Ada"),
    ];

    /// <summary>Returns the id attribute of the element whose id is <paramref name="id"/>, with the text around it, for asserting proximity.</summary>
    public static string Around(string html, string id, int length = 600)
    {
        var index = html.IndexOf($"id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(index >= 0, $"No element with id '{id}' on the page.");
        return html.Substring(Math.Max(0, index - length), Math.Min(2 * length, html.Length - Math.Max(0, index - length)));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
