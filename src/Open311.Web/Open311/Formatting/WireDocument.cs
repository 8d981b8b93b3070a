using System.Collections;

namespace Open311.Web.GeoReport.Formatting;

/// <summary>
/// A whole response body before it is written: a list (<c>&lt;services&gt;&lt;service&gt;…</c>, a JSON array)
/// or one object (<c>&lt;service_definition&gt;</c>, a JSON object). JSON drops the XML root element.
/// </summary>
public sealed class WireDocument
{
    private WireDocument(string rootName, string? itemName, object body)
    {
        RootName = rootName;
        ItemName = itemName;
        Body = body;
    }

    /// <summary>The XML root element's name.</summary>
    public string RootName { get; }

    /// <summary>The XML element name of each item when the document is a list; null for an object.</summary>
    public string? ItemName { get; }

    /// <summary>The wire record, or the sequence of wire records for a list.</summary>
    public object Body { get; }

    public bool IsList => ItemName is not null;

    public static WireDocument List<T>(string rootName, string itemName, IEnumerable<T> items)
        where T : notnull =>
        new(rootName, itemName, items.Cast<object>().ToList());

    public static WireDocument Object<T>(string rootName, T body)
        where T : notnull =>
        new(rootName, null, body);

    internal IEnumerable<object> Items => Body is IEnumerable items ? items.Cast<object>() : [];
}
