using System.Xml.Linq;

namespace Open311.Data.Import;

/// <summary>Reads a GeoReport v2 <c>services.xml</c> body, such as San Francisco's 2012 capture.</summary>
internal static class ServicesXml
{
    /// <summary>
    /// Returns one row per <c>service</c> element. Elements are matched by local name and in any order, because
    /// San Francisco's body declares SOAP namespaces and does not follow the specification's element order.
    /// </summary>
    public static List<ServiceRow> Read(string path, string kind, ImportReport report)
    {
        var document = XDocument.Load(path);
        var rows = new List<ServiceRow>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var service in document.Descendants().Where(element => element.Name.LocalName == "service"))
        {
            index++;
            var code = Child(service, "service_code");
            var name = Child(service, "service_name");
            var type = Child(service, "type")?.ToLowerInvariant() ?? "realtime";
            var row = $"service {index} ({code ?? "no code"})";
            if (code is null || name is null)
            {
                report.Reject(kind, row, "service_code and service_name are required");
            }
            else if (type is not ("realtime" or "batch" or "blackbox"))
            {
                report.Reject(kind, row, $"type '{type}' is not one of realtime, batch, blackbox");
            }
            else if (!codes.Add(code))
            {
                report.Reject(kind, row, "the service_code appears twice in the file; the first was kept");
            }
            else
            {
                rows.Add(new ServiceRow(code, name, Child(service, "description"), Child(service, "group"), Child(service, "keywords"), type, Active: true));
            }
        }

        return rows;
    }

    private static string? Child(XElement parent, string localName)
    {
        var text = parent.Elements().FirstOrDefault(element => element.Name.LocalName == localName)?.Value.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
