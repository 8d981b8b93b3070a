using Microsoft.Extensions.Primitives;
using Open311.Domain.Services;
using Open311.Domain.Submission;

namespace Open311.Web.Site.Reporting;

/// <summary>
/// What a resident typed into the report form. Field names are the GeoReport wire names, so a
/// <see cref="SubmissionError.Field"/> names the form field directly; answers use <c>attribute[CODE]</c>.
/// </summary>
public sealed class ReportForm
{
    public string ServiceCode { get; set; } = string.Empty;

    public string? Lat { get; set; }

    public string? Long { get; set; }

    public string? AddressString { get; set; }

    public string? Description { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public Dictionary<string, List<string>> Attributes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>URLs of the photos already stored for this report, in upload order.</summary>
    public List<string> PhotoUrls { get; set; } = [];

    public const string PhotoField = "media";

    public static string AttributeField(string code) => $"attribute[{code}]";

    /// <summary>Returns an HTML id for a field name, since ids with brackets are awkward in CSS selectors.</summary>
    public static string FieldId(string field) =>
        "f-" + new string(field.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-').ToArray());

    public static ReportForm Read(IFormCollection form, Service service)
    {
        static string? Text(StringValues values) => values.Count == 0 ? null : values.ToString();

        var read = new ReportForm
        {
            ServiceCode = service.Code,
            Lat = Text(form["lat"])?.Trim(),
            Long = Text(form["long"])?.Trim(),
            AddressString = Text(form["address_string"]),
            Description = Text(form["description"]),
            FirstName = Text(form["first_name"]),
            LastName = Text(form["last_name"]),
            Email = Text(form["email"])?.Trim(),
            Phone = Text(form["phone"]),
        };

        foreach (var attribute in service.Attributes.Where(a => a.Variable))
        {
            var values = form[AttributeField(attribute.Code)]
                .Where(v => !string.IsNullOrWhiteSpace(v))
                .Select(v => v!)
                .ToList();
            if (values.Count > 0)
            {
                read.Attributes[attribute.Code] = values;
            }
        }

        return read;
    }

    public string? Answer(string code) => Attributes.TryGetValue(code, out var values) ? values.FirstOrDefault() : null;

    public bool IsChosen(string code, string key) => Attributes.TryGetValue(code, out var values) && values.Contains(key);

    /// <summary>
    /// Drops answers to questions whose condition does not hold (the submitter's <see cref="AttributeDependencies"/>
    /// rule), in question order so that a question depending on a dropped answer is dropped too.
    /// </summary>
    public void DropInapplicableAnswers(Service service)
    {
        foreach (var attribute in service.Attributes.OrderBy(a => a.Order))
        {
            if (!Applies(attribute))
            {
                Attributes.Remove(attribute.Code);
            }
        }
    }

    public bool Applies(ServiceAttribute attribute) => AttributeDependencies.Applies(attribute, AnswersForRules());

    public NewServiceRequest ToNewServiceRequest(string jurisdictionId) => new()
    {
        JurisdictionId = jurisdictionId,
        ServiceCode = ServiceCode,
        Lat = Blank(Lat),
        Long = Blank(Long),
        AddressString = Blank(AddressString),
        Description = Blank(Description),
        FirstName = Blank(FirstName),
        LastName = Blank(LastName),
        Email = Blank(Email),
        Phone = Blank(Phone),
        MediaUrl = PhotoUrls.FirstOrDefault(),
        Attributes = AnswersForRules(),
    };

    private Dictionary<string, IReadOnlyList<string>> AnswersForRules() =>
        Attributes.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value, StringComparer.Ordinal);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
