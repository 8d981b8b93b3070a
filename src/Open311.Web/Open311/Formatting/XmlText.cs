using System.Text;
using System.Xml;

namespace Open311.Web.GeoReport.Formatting;

/// <summary>Makes any .NET string safe to write as XML 1.0 text.</summary>
public static class XmlText
{
    /// <summary>The character put in place of one that XML 1.0 cannot carry.</summary>
    public const char Replacement = '\uFFFD';

    /// <summary>
    /// Replaces characters that XML 1.0 forbids (NUL, most C0 controls, U+FFFE, U+FFFF and lone surrogates)
    /// with U+FFFD. Input validation already rejects them, so this only guards data that arrived another way.
    /// </summary>
    public static string Clean(string value)
    {
        if (IsClean(value))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var index = 0; index < value.Length; index++)
        {
            var current = value[index];
            if (char.IsHighSurrogate(current) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
            {
                builder.Append(current).Append(value[index + 1]);
                index++;
            }
            else
            {
                builder.Append(XmlConvert.IsXmlChar(current) ? current : Replacement);
            }
        }

        return builder.ToString();
    }

    /// <summary>True when every character of <paramref name="value"/> can be written as XML 1.0 text.</summary>
    public static bool IsClean(string value)
    {
        for (var index = 0; index < value.Length; index++)
        {
            var current = value[index];
            if (char.IsHighSurrogate(current) && index + 1 < value.Length && char.IsLowSurrogate(value[index + 1]))
            {
                index++;
            }
            else if (!XmlConvert.IsXmlChar(current))
            {
                return false;
            }
        }

        return true;
    }
}
