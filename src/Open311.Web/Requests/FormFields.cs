using Microsoft.Extensions.Primitives;

namespace Open311.Web.Requests;

/// <summary>Adapts ASP.NET Core form and query collections to the key-value pairs the submission parsers read.</summary>
public static class FormFields
{
    /// <summary>
    /// Returns one pair per value, keys in collection order and values in the order sent, as
    /// <see cref="Domain.Submission.AttributeFormParser"/> and <see cref="Data.Idempotency.IdempotencyStore.HashRequest"/> expect.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string?>> ToPairs(this IEnumerable<KeyValuePair<string, StringValues>> fields) =>
        fields.SelectMany(field => field.Value.Count == 0
            ? [KeyValuePair.Create(field.Key, (string?)null)]
            : field.Value.Select(value => KeyValuePair.Create(field.Key, value)));
}
