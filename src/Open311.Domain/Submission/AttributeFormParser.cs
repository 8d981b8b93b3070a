namespace Open311.Domain.Submission;

/// <summary>Attribute answers read from form fields, with an error for every malformed <c>attribute</c> key.</summary>
public sealed record AttributeFormParseResult(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes,
    IReadOnlyList<SubmissionError> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Builds attribute answers from GeoReport form fields: <c>attribute[CODE]=value</c> for one value and
/// <c>attribute[CODE][]=value</c>, repeated, for a multi-value list. The code is everything between
/// <c>attribute[</c> and the first <c>]</c>, so codes may contain spaces and dashes (<c>ST-OTHER</c>).
/// List keys are values and may contain any character.
/// </summary>
/// <remarks>
/// Codes keep the order of their first field and values the order sent. Both notations for one code are
/// merged into one list, because the attribute's datatype, not the notation, decides how many values it
/// takes: the validator rejects a second value for anything but a multi-value list. Blank values are
/// dropped, since forms send empty fields for questions left unanswered. A code whose values are all blank
/// counts as not answered. Fields other than <c>attribute</c> and <c>attribute[…</c> are ignored, like any
/// unknown form field.
/// </remarks>
public static class AttributeFormParser
{
    private const string Prefix = "attribute[";

    /// <summary>Parses key-value pairs in the order received. A key sent with several values appears once per value.</summary>
    public static AttributeFormParseResult Parse(IEnumerable<KeyValuePair<string, string?>> fields)
    {
        var answers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        var errors = new List<SubmissionError>();
        var reportedKeys = new HashSet<string>(StringComparer.Ordinal);

        foreach (var (key, value) in fields)
        {
            if (!key.StartsWith(Prefix, StringComparison.Ordinal) && key != "attribute")
            {
                continue;
            }

            var code = ReadCode(key);
            if (code is null)
            {
                if (reportedKeys.Add(key))
                {
                    var printableKey = XmlCharacters.Quote(key);
                    errors.Add(new SubmissionError(printableKey,
                        $"Malformed attribute field '{printableKey}'. Send attribute[CODE]=value, or attribute[CODE][]=value once per value of a multi-value list."));
                }

                continue;
            }

            if (!answers.TryGetValue(code, out var values))
            {
                values = [];
                answers[code] = values;
                order.Add(code);
            }

            if (!string.IsNullOrWhiteSpace(value))
            {
                values.Add(value);
            }
        }

        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var code in order.Where(code => answers[code].Count > 0))
        {
            result[code] = answers[code];
        }

        return new AttributeFormParseResult(result, errors);
    }

    /// <summary>Parses pairs given as tuples, as CSV rows produce them.</summary>
    public static AttributeFormParseResult Parse(IEnumerable<(string Key, string? Value)> fields) =>
        Parse(fields.Select(field => KeyValuePair.Create(field.Key, field.Value)));

    /// <summary>Returns the code of <c>attribute[CODE]</c> or <c>attribute[CODE][]</c>, or null when the key has another shape.</summary>
    private static string? ReadCode(string key)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = key.IndexOf(']', Prefix.Length);
        if (end <= Prefix.Length)
        {
            return null;
        }

        var rest = key.AsSpan(end + 1);
        if (rest.Length != 0 && !rest.SequenceEqual("[]"))
        {
            return null;
        }

        var code = key[Prefix.Length..end];
        return string.IsNullOrWhiteSpace(code) ? null : code;
    }
}
