using System.Text.RegularExpressions;
using Microsoft.Extensions.Primitives;

namespace Open311.Web.GeoReport.Apis;

/// <summary>
/// Collects <c>attribute[CODE]=v</c> and <c>attribute[CODE][]=v</c> fields into answers by code, keeping the
/// order values were sent and dropping blank values. The default form binder cannot build this shape.
/// </summary>
// TODO: replace with the shared AttributeFormParser of Open311.Domain once it exists, so the public form,
// liaison batches and this endpoint read attributes with one set of rules.
internal static partial class PostedAttributes
{
    public static Dictionary<string, IReadOnlyList<string>> Parse(IEnumerable<KeyValuePair<string, StringValues>> fields, List<string> errors)
    {
        var answers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, values) in fields)
        {
            if (!name.StartsWith("attribute", StringComparison.Ordinal))
            {
                continue;
            }

            var match = AttributeName().Match(name);
            if (!match.Success)
            {
                errors.Add($"Invalid field name '{name}': attributes are sent as attribute[CODE]=value, or attribute[CODE][]=value once per value of a multivaluelist.");
                continue;
            }

            var code = match.Groups["code"].Value;
            if (!answers.TryGetValue(code, out var list))
            {
                answers[code] = list = [];
            }

            list.AddRange(values.OfType<string>().Where(value => !string.IsNullOrWhiteSpace(value)));
        }

        // Forms send empty fields for questions left unanswered, so a code with only blank values is not an answer.
        return answers.Where(pair => pair.Value.Count > 0)
            .ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value, StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^attribute\[(?<code>[^\[\]]+)\](\[\])?$", RegexOptions.CultureInvariant)]
    private static partial Regex AttributeName();
}
