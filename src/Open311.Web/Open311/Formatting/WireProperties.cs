using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;

namespace Open311.Web.GeoReport.Formatting;

/// <summary>One property of a wire record with its spec name, shared by the XML and JSON writers so both print the same fields.</summary>
internal sealed record WireProperty(string Name, string? ItemName, bool Optional, PropertyInfo Property)
{
    private static readonly ConcurrentDictionary<Type, WireProperty[]> Cache = new();

    /// <summary>
    /// Lists a record's properties in declaration order, named by <see cref="WireNameAttribute"/> or by the
    /// snake_case of the property name (<c>ServiceRequestId</c> becomes <c>service_request_id</c>).
    /// </summary>
    public static WireProperty[] Of(Type type) => Cache.GetOrAdd(type, static type => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(property => property.GetIndexParameters().Length == 0 && property.Name != "EqualityContract")
        .OrderBy(property => property.MetadataToken)
        .Select(property => new WireProperty(
            property.GetCustomAttribute<WireNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(property.Name),
            property.GetCustomAttribute<WireItemAttribute>()?.ItemName,
            property.GetCustomAttribute<WireOptionalAttribute>() is not null,
            property))
        .ToArray());

    public static bool IsScalar(object value) =>
        value is string or bool or int or long or double or decimal or DateTimeOffset;

    public static bool IsList(object value) => value is IEnumerable and not string;
}
