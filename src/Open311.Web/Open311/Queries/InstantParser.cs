using System.Globalization;
using System.Text.RegularExpressions;

namespace Open311.Web.GeoReport.Queries;

/// <summary>
/// Reads the spec's date-time arguments: ISO 8601 with a date, a time and a zone (<c>Z</c> or an offset),
/// with optional fractional seconds. A value with no zone is rejected rather than read as server time.
/// </summary>
public static partial class InstantParser
{
    /// <summary>
    /// Parses <paramref name="value"/> as a full instant. A query string turns an unencoded <c>+</c> into a space,
    /// so <c>2014-04-30T14:51:52 07:00</c> is read as <c>+07:00</c>. The result is in UTC, the form PostgreSQL
    /// <c>timestamptz</c> parameters require.
    /// </summary>
    public static bool TryParse(string parameter, string value, out DateTimeOffset instant, out string? error)
    {
        instant = default;
        var text = value.Trim();
        var match = InstantPattern().Match(text);
        if (!match.Success)
        {
            error = NoZonePattern().IsMatch(text)
                ? $"Invalid {parameter} '{value}': a time zone is required. Add 'Z' for UTC or an offset such as '-07:00' (encode '+' as %2B), for example 2014-04-30T14:51:52Z."
                : $"Invalid {parameter} '{value}': expected an ISO 8601 date-time with a time zone, for example 2014-04-30T14:51:52Z or 2014-04-30T14:51:52-07:00.";
            return false;
        }

        var zone = match.Groups["zone"].Value;
        if (zone.StartsWith(' '))
        {
            zone = "+" + zone[1..];
        }

        var normalized = match.Groups["local"].Value + zone;
        if (!DateTimeOffset.TryParse(normalized, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant))
        {
            error = $"Invalid {parameter} '{value}': the date or time does not exist (check the month, day, hour and offset).";
            return false;
        }

        instant = instant.ToUniversalTime();
        error = null;
        return true;
    }

    [GeneratedRegex(@"^(?<local>\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)(?<zone>[Zz]|[+\- ]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex InstantPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([Tt ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NoZonePattern();
}
