using System.Globalization;
using System.Text.RegularExpressions;

namespace Open311.Domain.Submission;

/// <summary>Culture-independent parsing of submitted numbers, coordinates and date-times.</summary>
public static partial class SubmissionParsing
{
    /// <summary>
    /// Parses a decimal number with the invariant culture: a dot separates decimals, no thousands separators,
    /// so <c>39,96</c> fails instead of reading as 3996. NaN and infinities fail too.
    /// </summary>
    public static bool TryParseNumber(string? text, out double value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return double.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                   CultureInfo.InvariantCulture, out value)
               && double.IsFinite(value);
    }

    /// <summary>
    /// Parses an ISO 8601 date-time that names its zone (<c>Z</c> or <c>±hh:mm</c>), with optional seconds and
    /// fractions. A space before the offset is read as <c>+</c>, because an unencoded <c>+</c> in a form or
    /// query string arrives as a space. A date-time without a zone fails rather than being read as local time.
    /// </summary>
    public static bool TryParseDateTimeWithZone(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var match = DateTimeWithZone().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        var zone = match.Groups["zone"].Value;
        if (zone.StartsWith(' '))
        {
            zone = "+" + zone[1..];
        }

        return DateTimeOffset.TryParse(match.Groups["local"].Value + zone, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    /// <summary>
    /// Checks a <c>datetime</c> attribute answer, which must be an ISO 8601 date-time with a zone, or a calendar date alone
    /// (<c>2025-03-04</c>), which names a day and no time, so there is no clock time to misread as local.
    /// A date-time without a zone still fails.
    /// </summary>
    public static bool IsDateTimeAnswer(string? text) =>
        TryParseDateTimeWithZone(text, out _)
        || DateTime.TryParseExact(text?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);

    [GeneratedRegex(@"^(?<local>\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?)(?<zone>Z|[+\- ]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateTimeWithZone();
}
