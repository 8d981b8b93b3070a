using Open311.Domain.Services;

namespace Open311.Domain.Submission;

/// <summary>
/// Checks attribute answers against a service definition: required questions answered, no unknown codes,
/// no answers to information-only attributes (<c>variable=false</c>), one value unless the attribute is a
/// multi-value list, list answers drawn from the list's keys, and values that fit the datatype.
/// </summary>
public static class AttributeRules
{
    private const int MaxCodesListed = 20;

    public static IEnumerable<(string Field, string Message)> Check(Service service, IReadOnlyDictionary<string, IReadOnlyList<string>> answers)
    {
        var byCode = service.Attributes.ToDictionary(attribute => attribute.Code, StringComparer.Ordinal);

        foreach (var (code, values) in answers)
        {
            var field = FieldName(code);
            if (!byCode.TryGetValue(code, out var attribute))
            {
                yield return (field, $"{field} is not an attribute of service '{service.Code}'. Remove it{ListCodes(service)}.");
                continue;
            }

            if (!attribute.Variable)
            {
                yield return (field, $"{field} is information shown to the person reporting and takes no answer. Remove it.");
                continue;
            }

            foreach (var message in CheckValues(field, attribute, values))
            {
                yield return (field, message);
            }
        }

        foreach (var attribute in service.Attributes.Where(attribute => attribute.Variable && attribute.Required).OrderBy(attribute => attribute.Order))
        {
            if (!answers.ContainsKey(attribute.Code) && AttributeDependencies.Applies(attribute, answers))
            {
                var field = FieldName(attribute.Code);
                var question = string.IsNullOrWhiteSpace(attribute.Description) ? string.Empty : $" ({XmlCharacters.Quote(attribute.Description)})";
                yield return (field, $"Missing {field}{question}: it is required. {DescribeExpected(attribute)}");
            }
        }
    }

    /// <summary>Returns the wire name of an attribute's field, with characters that XML cannot carry replaced.</summary>
    public static string FieldName(string code) => $"attribute[{XmlCharacters.Sanitize(code)}]";

    private static IEnumerable<string> CheckValues(string field, ServiceAttribute attribute, IReadOnlyList<string> values)
    {
        if (attribute.Datatype != AttributeDatatype.MultiValueList && values.Count > 1)
        {
            yield return $"{field} takes one value but {values.Count} were sent. Send a single value.";
            yield break;
        }

        if (values.Count > SubmissionLimits.ListValues)
        {
            yield return $"{field} has {values.Count} values, but the maximum is {SubmissionLimits.ListValues}.";
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (!XmlCharacters.IsValid(value))
            {
                yield return NewServiceRequestValidator.InvalidCharacterMessage(field, value);
                continue;
            }

            if (CheckValue(field, attribute, value) is { } message)
            {
                yield return message;
            }
            else if (attribute.Datatype == AttributeDatatype.MultiValueList && !seen.Add(value))
            {
                yield return $"{field} lists '{XmlCharacters.Quote(value)}' more than once. Send each key once.";
            }
        }
    }

    private static string? CheckValue(string field, ServiceAttribute attribute, string value) => attribute.Datatype switch
    {
        AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList
            when !attribute.Values.Any(choice => string.Equals(choice.Key, value, StringComparison.Ordinal)) =>
            $"{field} has '{XmlCharacters.Quote(value)}', which is not one of its keys. {DescribeExpected(attribute)}",
        AttributeDatatype.Number when !SubmissionParsing.TryParseNumber(value, out _) =>
            $"{field} must be a number, but '{XmlCharacters.Quote(value)}' is not. Use a dot as the decimal separator, such as 12.5.",
        AttributeDatatype.Datetime when !SubmissionParsing.IsDateTimeAnswer(value) =>
            $"{field} must be an ISO 8601 date-time with a zone, such as 2014-04-30T14:51:52-07:00 or 2014-04-30T21:51:52Z, or a date such as 2014-04-30, but '{XmlCharacters.Quote(value)}' is not.",
        AttributeDatatype.String when value.Length > SubmissionLimits.StringAttribute =>
            $"{field} is {value.Length} characters long, but the maximum is {SubmissionLimits.StringAttribute}. Shorten it.",
        AttributeDatatype.Text when value.Length > SubmissionLimits.TextAttribute =>
            $"{field} is {value.Length} characters long, but the maximum is {SubmissionLimits.TextAttribute}. Shorten it.",
        _ => null,
    };

    private static string DescribeExpected(ServiceAttribute attribute)
    {
        if (!attribute.Datatype.IsList())
        {
            return $"Send a {attribute.Datatype.ToWire()} value.";
        }

        var keys = string.Join(", ", attribute.Values.OrderBy(choice => choice.SortOrder).Select(choice => $"'{choice.Key}'"));
        return attribute.Datatype == AttributeDatatype.MultiValueList
            ? $"Send one or more of these keys, each as attribute[{XmlCharacters.Sanitize(attribute.Code)}][]: {keys}."
            : $"Send one of these keys: {keys}.";
    }

    private static string ListCodes(Service service)
    {
        var codes = service.Attributes.Where(attribute => attribute.Variable).OrderBy(attribute => attribute.Order).Select(attribute => attribute.Code).ToList();
        if (codes.Count == 0)
        {
            return ". This service takes no attributes";
        }

        var listed = string.Join(", ", codes.Take(MaxCodesListed));
        return codes.Count > MaxCodesListed ? $". Its attribute codes include {listed}" : $". Its attribute codes are {listed}";
    }
}
