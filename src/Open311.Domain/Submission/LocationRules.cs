using System.Globalization;

namespace Open311.Domain.Submission;

/// <summary>
/// The location rule of GeoReport v2: a request needs <c>lat</c> and <c>long</c> together, an
/// <c>address_string</c> or an <c>address_id</c>. Any of them may come together, and all are kept.
/// </summary>
public static class LocationRules
{
    public static IEnumerable<(string Field, string Message)> Check(NewServiceRequest input)
    {
        var hasLat = !string.IsNullOrWhiteSpace(input.Lat);
        var hasLong = !string.IsNullOrWhiteSpace(input.Long);

        if (hasLat && !hasLong)
        {
            yield return ("long", "Missing long: lat was sent without it. Send lat and long together, in decimal degrees.");
        }

        if (hasLong && !hasLat)
        {
            yield return ("lat", "Missing lat: long was sent without it. Send lat and long together, in decimal degrees.");
        }

        if (hasLat && CheckDegrees("lat", input.Lat!, 90) is { } latError)
        {
            yield return ("lat", latError);
        }

        if (hasLong && CheckDegrees("long", input.Long!, 180) is { } longError)
        {
            yield return ("long", longError);
        }

        if (!hasLat && !hasLong && string.IsNullOrWhiteSpace(input.AddressString) && string.IsNullOrWhiteSpace(input.AddressId))
        {
            yield return ("lat", "Missing location. Send lat and long, an address_string or an address_id.");
        }
    }

    /// <summary>Returns the parsed point when both coordinates are present and valid, otherwise null.</summary>
    public static (double Latitude, double Longitude)? TryReadPoint(NewServiceRequest input) =>
        SubmissionParsing.TryParseNumber(input.Lat, out var latitude)
        && SubmissionParsing.TryParseNumber(input.Long, out var longitude)
        && Math.Abs(latitude) <= 90 && Math.Abs(longitude) <= 180
            ? (latitude, longitude)
            : null;

    private static string? CheckDegrees(string field, string text, double limit)
    {
        if (!XmlCharacters.IsValid(text))
        {
            return NewServiceRequestValidator.InvalidCharacterMessage(field, text);
        }

        if (!SubmissionParsing.TryParseNumber(text, out var degrees))
        {
            return $"{field} '{text}' is not a number. Send decimal degrees with a dot as the decimal separator, such as 39.9526.";
        }

        if (Math.Abs(degrees) > limit)
        {
            var limitText = limit.ToString(CultureInfo.InvariantCulture);
            return $"{field} {text.Trim()} is out of range. Send a value between -{limitText} and {limitText} decimal degrees.";
        }

        return null;
    }
}
