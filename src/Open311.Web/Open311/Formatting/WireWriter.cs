using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Xml;

namespace Open311.Web.GeoReport.Formatting;

/// <summary>
/// Writes a <see cref="WireDocument"/> as XML or JSON. Both formats walk the same wire properties, so a field
/// present in one is present in the other: null is an empty XML element and a JSON <c>null</c>; lists are
/// container elements in XML and arrays in JSON, even with one item.
/// </summary>
public static class WireWriter
{
    private static readonly XmlWriterSettings XmlSettings = new()
    {
        Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        Indent = true,
        IndentChars = "  ",
        NewLineChars = "\n",
        CheckCharacters = true,
        OmitXmlDeclaration = true,
    };

    private static readonly byte[] XmlDeclaration = Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");

    /// <summary>
    /// Indented JSON that escapes only what JSON requires, so <c>&lt;</c>, <c>&amp;</c>, <c>+</c> and non-ASCII text
    /// print as themselves. The body is served as application/json, never inlined into an HTML script.
    /// </summary>
    internal static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Write(WireDocument document, WireFormat format) =>
        format == WireFormat.Json ? WriteJson(document) : WriteXml(document);

    public static byte[] WriteXml(WireDocument document)
    {
        using var stream = new MemoryStream();

        // Written by hand so the declaration is exactly the one clients compare against, with no standalone attribute.
        stream.Write(XmlDeclaration);
        using (var writer = XmlWriter.Create(stream, XmlSettings))
        {
            if (document.IsList)
            {
                writer.WriteStartElement(document.RootName);
                foreach (var item in document.Items)
                {
                    WriteXmlValue(writer, document.ItemName!, item, null);
                }

                writer.WriteEndElement();
            }
            else
            {
                WriteXmlValue(writer, document.RootName, document.Body, null);
            }
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    public static byte[] WriteJson(WireDocument document)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, JsonOptions))
        {
            if (document.IsList)
            {
                writer.WriteStartArray();
                foreach (var item in document.Items)
                {
                    WriteJsonValue(writer, item);
                }

                writer.WriteEndArray();
            }
            else
            {
                WriteJsonValue(writer, document.Body);
            }
        }

        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    private static void WriteXmlValue(XmlWriter writer, string name, object? value, string? itemName)
    {
        writer.WriteStartElement(name);
        switch (value)
        {
            case null:
                break;
            case var scalar when WireProperty.IsScalar(scalar):
                writer.WriteString(XmlText.Clean(FormatScalar(scalar)));
                break;
            case var list when WireProperty.IsList(list):
                foreach (var item in (System.Collections.IEnumerable)list)
                {
                    WriteXmlValue(writer, itemName ?? "item", item, null);
                }

                break;
            default:
                foreach (var property in WireProperty.Of(value.GetType()))
                {
                    var propertyValue = property.Property.GetValue(value);
                    if (propertyValue is not null || !property.Optional)
                    {
                        WriteXmlValue(writer, property.Name, propertyValue, property.ItemName);
                    }
                }

                break;
        }

        writer.WriteEndElement();
    }

    internal static void WriteJsonValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int integer:
                writer.WriteNumberValue(integer);
                break;
            case long integer:
                writer.WriteNumberValue(integer);
                break;
            case double number:
                writer.WriteNumberValue(number);
                break;
            case decimal number:
                writer.WriteNumberValue(number);
                break;
            case var scalar when WireProperty.IsScalar(scalar):
                writer.WriteStringValue(XmlText.Clean(FormatScalar(scalar)));
                break;
            case var list when WireProperty.IsList(list):
                writer.WriteStartArray();
                foreach (var item in (System.Collections.IEnumerable)list)
                {
                    WriteJsonValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                WriteJsonObject(writer, value);
                break;
        }
    }

    /// <summary>Writes one wire record as a JSON object; the GeoJSON writer uses it for feature properties.</summary>
    internal static void WriteJsonObject(Utf8JsonWriter writer, object value)
    {
        writer.WriteStartObject();
        foreach (var property in WireProperty.Of(value.GetType()))
        {
            var propertyValue = property.Property.GetValue(value);
            if (propertyValue is not null || !property.Optional)
            {
                writer.WritePropertyName(property.Name);
                WriteJsonValue(writer, propertyValue);
            }
        }

        writer.WriteEndObject();
    }

    private static string FormatScalar(object value) => value switch
    {
        string text => text,
        bool flag => flag ? "true" : "false",
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset instant => WireTime.Format(instant),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
