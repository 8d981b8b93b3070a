using System.Net;
using System.Text.RegularExpressions;

namespace Open311.Tests.Liaison;

/// <summary>
/// A browser-like client for Razor Pages: it GETs a page, reads the antiforgery token from the form and posts
/// it back with the antiforgery cookie, as a real form does.
/// </summary>
public sealed partial class PortalClient(HttpClient http) : IDisposable
{
    public HttpClient Http => http;

    public async Task<HttpResponseMessage> SignInAsync(string email, string password)
    {
        var response = await PostFormAsync("/account/signin", new() { ["Email"] = email, ["Password"] = password });
        return response;
    }

    public async Task<string> GetTokenAsync(string pagePath)
    {
        var page = await http.GetAsync(pagePath);
        var html = await page.Content.ReadAsStringAsync();
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"GET {pagePath} returned {(int)page.StatusCode}: {html}");
        return TokenPattern().Match(html) is { Success: true } match
            ? WebUtility.HtmlDecode(match.Groups[1].Value)
            : throw new InvalidOperationException($"No antiforgery token on {pagePath}.");
    }

    /// <summary>Posts a form found on <paramref name="pagePath"/> to <paramref name="actionPath"/> (default: the page itself).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string pagePath, Dictionary<string, string> fields, string? actionPath = null)
    {
        var token = await GetTokenAsync(pagePath);
        var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await http.PostAsync(actionPath ?? pagePath, content);
    }

    public async Task<HttpResponseMessage> UploadAsync(byte[] file, string fileName = "rows.csv")
    {
        var token = await GetTokenAsync("/liaison/upload");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new ByteArrayContent(file), "file", fileName },
        };
        return await http.PostAsync("/liaison/upload", content);
    }

    /// <summary>Uploads a file that must be accepted, and returns the new batch id from the redirect.</summary>
    public async Task<long> UploadBatchAsync(byte[] file, string fileName = "rows.csv")
    {
        var response = await UploadAsync(file, fileName);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Upload was not accepted ({(int)response.StatusCode}): {body}");
        return long.Parse(response.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Posts the batch page's submit form; the token comes from the upload page, which any liaison can open.</summary>
    public Task<HttpResponseMessage> SubmitAsync(long batchId, bool confirmSameFile = false) =>
        PostFormAsync("/liaison/upload", confirmSameFile ? new() { ["confirmSameFile"] = "true" } : [], $"/liaison/batches/{batchId}?handler=Submit");

    public async Task<string> GetStringAsync(string path)
    {
        var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} returned {(int)response.StatusCode}");
        return body;
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
