using System.Text.Json;
using Open311.Domain.Services;

namespace Open311.Web.Site.Reporting;

/// <summary>
/// A service question's condition, from its <c>DependenciesJson</c> in Boston's shape
/// <c>{"clause":"OR"|"AND","conditions":[{"attribute":"CODE","op":"eq","value":"KEY"}]}</c>, read to word it for
/// people and to hand it to the page script. Whether it holds on the server is decided by the submitter's
/// <see cref="Domain.Submission.AttributeDependencies"/>, and the script applies the same rule: a condition
/// holds when the named question's answer contains the value; OR needs one condition, AND (the default) all.
/// </summary>
public sealed record QuestionCondition(bool RequireAll, IReadOnlyList<QuestionCondition.Clause> Conditions)
{
    /// <summary>One <c>attribute eq value</c> test.</summary>
    public sealed record Clause(string Attribute, string Value);

    /// <summary>
    /// Parses the JSON; returns null for a question that always applies, including one whose JSON is
    /// malformed or uses an operator other than <c>eq</c>, so that no question is hidden by a rule the site cannot read.
    /// </summary>
    public static QuestionCondition? Parse(string? dependenciesJson)
    {
        if (string.IsNullOrWhiteSpace(dependenciesJson))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(dependenciesJson);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("conditions", out var conditions) || conditions.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var clause = root.TryGetProperty("clause", out var clauseElement) ? clauseElement.GetString() : "AND";
            var parsed = new List<Clause>();
            foreach (var condition in conditions.EnumerateArray())
            {
                var op = condition.TryGetProperty("op", out var opElement) ? opElement.GetString() : "eq";
                if (!string.Equals(op, "eq", StringComparison.OrdinalIgnoreCase)
                    || !condition.TryGetProperty("attribute", out var attribute) || attribute.ValueKind != JsonValueKind.String
                    || !condition.TryGetProperty("value", out var value))
                {
                    return null;
                }

                parsed.Add(new Clause(attribute.GetString()!, value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText()));
            }

            return parsed.Count == 0 ? null : new QuestionCondition(!string.Equals(clause, "OR", StringComparison.OrdinalIgnoreCase), parsed);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Returns the rule in words for forms shown without JavaScript, such as "Answer only if Location of birds is Other."</summary>
    public string Describe(IReadOnlyList<ServiceAttribute> attributes)
    {
        var parts = Conditions.Select(clause =>
        {
            var question = attributes.FirstOrDefault(a => a.Code == clause.Attribute);
            var questionText = question?.Description ?? clause.Attribute;
            var valueText = question?.Values.FirstOrDefault(v => v.Key == clause.Value)?.Name ?? clause.Value;
            return $"“{questionText}” is “{valueText}”";
        });
        return "Answer only if " + string.Join(RequireAll ? " and " : " or ", parts) + ".";
    }

    /// <summary>Returns the JSON the page script reads to show and hide the question.</summary>
    public string ToClientJson() => JsonSerializer.Serialize(new
    {
        all = RequireAll,
        conditions = Conditions.Select(c => new { attribute = c.Attribute, value = c.Value }),
    });
}
