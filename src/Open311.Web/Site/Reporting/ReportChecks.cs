using System.Globalization;
using Open311.Domain.Services;
using Open311.Domain.Submission;

namespace Open311.Web.Site.Reporting;

/// <summary>
/// Checks of the report form that only the site can make: which conditional questions apply and whether a
/// place was given at all. Everything else (types, choices, the service area) is the shared submitter's
/// rule set, run through <see cref="IServiceRequestSubmitter.ValidateAsync"/>.
/// </summary>
public static class ReportChecks
{
    public const string PlaceField = "location";

    public static List<SubmissionError> Check(ReportForm form, Service service)
    {
        var errors = new List<SubmissionError>();
        var hasLat = !string.IsNullOrWhiteSpace(form.Lat);
        var hasLong = !string.IsNullOrWhiteSpace(form.Long);
        if (!hasLat && !hasLong && string.IsNullOrWhiteSpace(form.AddressString))
        {
            errors.Add(new SubmissionError(PlaceField, "Missing place: drop a pin on the map, type the latitude and longitude, or type the address."));
        }
        else if (hasLat != hasLong)
        {
            errors.Add(hasLat
                ? new SubmissionError("long", "Missing longitude: type it beside the latitude, or clear the latitude and type the address.")
                : new SubmissionError("lat", "Missing latitude: type it beside the longitude, or clear the longitude and type the address."));
        }

        foreach (var attribute in service.Attributes.Where(a => a.Variable && a.Required).OrderBy(a => a.Order))
        {
            if (form.Applies(attribute) && !form.Attributes.ContainsKey(attribute.Code))
            {
                errors.Add(new SubmissionError(ReportForm.AttributeField(attribute.Code), $"Missing answer: “{attribute.Description ?? attribute.Code}” is required."));
            }
        }

        return errors;
    }

    /// <summary>
    /// Merges the site's errors with the submitter's. A field the site already reported on keeps only the site's
    /// message (a missing place covers lat and long), and errors about questions whose condition does not hold
    /// are left out, since their answers were never sent.
    /// </summary>
    public static List<SubmissionError> Merge(IEnumerable<SubmissionError> siteErrors, IEnumerable<SubmissionError> submitterErrors, ReportForm form, Service service)
    {
        var inapplicable = service.Attributes
            .Where(a => !form.Applies(a))
            .Select(a => ReportForm.AttributeField(a.Code))
            .ToHashSet(StringComparer.Ordinal);

        var merged = siteErrors.ToList();
        var covered = merged.Select(e => e.Field).ToHashSet(StringComparer.Ordinal);
        if (covered.Contains(PlaceField))
        {
            covered.UnionWith(["lat", "long", "address_string"]);
        }

        foreach (var error in submitterErrors)
        {
            var field = NormalizeField(error.Field);
            if (inapplicable.Contains(field) || covered.Contains(field))
            {
                continue;
            }

            merged.Add(error with { Field = field });
        }

        return merged;
    }

    /// <summary>Returns <c>attribute[CODE]</c> for the spellings a validator may use, so each error finds its field.</summary>
    public static string NormalizeField(string field)
    {
        var trimmed = field.Trim();
        if (trimmed.StartsWith("attributes[", StringComparison.OrdinalIgnoreCase))
        {
            return "attribute[" + trimmed["attributes[".Length..];
        }

        return trimmed.ToLower(CultureInfo.InvariantCulture) switch
        {
            "address" => "address_string",
            "latitude" => "lat",
            "longitude" or "lon" => "long",
            "media_url" => ReportForm.PhotoField,
            _ => trimmed,
        };
    }
}
