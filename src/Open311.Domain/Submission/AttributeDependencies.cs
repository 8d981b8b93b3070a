using System.Text.Json;
using Open311.Domain.Services;

namespace Open311.Domain.Submission;

/// <summary>
/// Evaluates an attribute's conditions (<see cref="ServiceAttribute.DependenciesJson"/>, in Boston's shape)
/// against the answers, so that a required question that is not shown is not demanded.
/// </summary>
public static class AttributeDependencies
{
    /// <summary>
    /// Returns true when the attribute applies: it has no conditions, or its <c>OR</c> clause has a met condition,
    /// or every condition of its <c>AND</c> clause is met. A condition <c>{"attribute":A,"op":"eq","value":V}</c>
    /// is met when an answer to A is V. Conditions that cannot be read count as met, so a malformed
    /// definition never makes a required question optional.
    /// </summary>
    public static bool Applies(ServiceAttribute attribute, IReadOnlyDictionary<string, IReadOnlyList<string>> answers)
    {
        if (string.IsNullOrWhiteSpace(attribute.DependenciesJson))
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(attribute.DependenciesJson);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("conditions", out var conditions)
                || conditions.ValueKind != JsonValueKind.Array
                || conditions.GetArrayLength() == 0)
            {
                return true;
            }

            var clause = root.TryGetProperty("clause", out var clauseElement) ? clauseElement.GetString() : "AND";
            var results = conditions.EnumerateArray().Select(condition => IsMet(condition, answers)).ToList();
            return string.Equals(clause, "OR", StringComparison.OrdinalIgnoreCase) ? results.Any(met => met) : results.All(met => met);
        }
        catch (JsonException)
        {
            return true;
        }
    }

    private static bool IsMet(JsonElement condition, IReadOnlyDictionary<string, IReadOnlyList<string>> answers)
    {
        if (condition.ValueKind != JsonValueKind.Object
            || !condition.TryGetProperty("attribute", out var code) || code.ValueKind != JsonValueKind.String
            || !condition.TryGetProperty("value", out var value))
        {
            return true;
        }

        var op = condition.TryGetProperty("op", out var opElement) ? opElement.GetString() : "eq";
        if (!string.Equals(op, "eq", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var expected = value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText();
        return answers.TryGetValue(code.GetString()!, out var given) && given.Contains(expected, StringComparer.Ordinal);
    }
}
