using System.Security.Cryptography;

namespace Open311.Web.Site.Reporting;

/// <summary>
/// Binds report drafts to the browser that made them. The browser keeps a random secret in an HttpOnly,
/// SameSite=Strict cookie, and a draft stores only the secret's SHA-256. Every draft page and send compares
/// the two, so a preview URL seen by someone else shows nothing of what the resident typed.
/// </summary>
public static class ReportDraftOwner
{
    public const string CookieName = "open311.report";

    /// <summary>Returns the hash of this browser's secret, setting a new secret first when the browser has none.</summary>
    public static byte[] Ensure(HttpContext http)
    {
        if (HashOf(http) is { } existing)
        {
            return existing;
        }

        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        http.Response.Cookies.Append(CookieName, secret, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/report",
            IsEssential = true,
        });
        return Hash(secret);
    }

    /// <summary>Returns true when the draft was made in this browser. Drafts without an owner belong to no browser.</summary>
    public static bool Owns(HttpContext http, ReportDraft draft) =>
        draft.OwnerHash is { Length: > 0 } stored && HashOf(http) is { } mine && CryptographicOperations.FixedTimeEquals(stored, mine);

    private static byte[]? HashOf(HttpContext http) =>
        http.Request.Cookies.TryGetValue(CookieName, out var secret) && secret is { Length: >= 32 } ? Hash(secret) : null;

    private static byte[] Hash(string secret) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(secret));
}
