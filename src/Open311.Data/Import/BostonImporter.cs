using System.Text.Json;
using System.Text.Json.Nodes;
using Open311.Domain.Services;

namespace Open311.Data.Import;

/// <summary>
/// Imports the Boston pack (<c>boston.gov</c>): 118 services and the attributes of the 4 service definitions.
/// The pack has no polygon, so the jurisdiction gets no boundary and the boundary check does not apply to it.
/// </summary>
internal sealed class BostonImporter : IDataPackImporter
{
    public const string Id = "boston.gov";

    public string JurisdictionId => Id;

    public async Task ImportAsync(CatalogWriter writer, string dataDirectory, ImportReport report, CancellationToken cancellationToken)
    {
        await writer.EnsureJurisdictionAsync(Id, "City of Boston", "America/New_York", isDefault: false, cancellationToken);

        var services = ReadServices(Path.Combine(dataDirectory, "services", "boston_services.json"), report);
        var newServices = await writer.UpsertServicesAsync(Id, services, cancellationToken);
        report.Count("services", services.Count, services.Count, newServices);

        var (serviceIds, _) = await writer.LoadServicesAsync(Id, cancellationToken);
        var attributes = ReadAttributes(Path.Combine(dataDirectory, "services", "boston_service_definitions.json"), serviceIds, report);
        var (newAttributes, values, newValues) = await ServiceAttributeWriter.UpsertAsync(writer, attributes, cancellationToken);
        report.Count("attributes", attributes.Count, attributes.Count, newAttributes);
        report.Count("attribute values", values, values, newValues);
        await ServiceAttributeWriter.SetMetadataFlagsAsync(writer, Id, cancellationToken);
    }

    private static List<ServiceRow> ReadServices(string path, ImportReport report)
    {
        var rows = new List<ServiceRow>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        var services = JsonNode.Parse(File.ReadAllText(path))?.AsArray()
            ?? throw new InvalidDataException($"{path} must contain a JSON array of services.");
        for (var index = 0; index < services.Count; index++)
        {
            var service = services[index];
            var code = Text(service, "service_code");
            var name = Text(service, "service_name");
            var type = Text(service, "type")?.ToLowerInvariant() ?? "realtime";
            var row = $"service {index + 1} ({code ?? "no code"})";
            if (code is null || name is null)
            {
                report.Reject("services", row, "service_code and service_name are required");
            }
            else if (type is not ("realtime" or "batch" or "blackbox"))
            {
                report.Reject("services", row, $"type '{type}' is not one of realtime, batch, blackbox");
            }
            else if (!codes.Add(code))
            {
                report.Reject("services", row, "the service_code appears twice in the file; the first was kept");
            }
            else
            {
                rows.Add(new ServiceRow(code, name, Text(service, "description"), Text(service, "group"), Text(service, "keywords"), type, Active: true));
            }
        }

        return rows;
    }

    /// <summary>
    /// Reads the attributes of each definition. Boston's non-standard <c>informational</c> datatype (text shown to
    /// the person, with no answer) becomes a <c>text</c> attribute with <c>variable=false</c>. The
    /// <c>dependencies</c> block is kept as JSON.
    /// </summary>
    private static List<AttributeRow> ReadAttributes(string path, Dictionary<string, int> serviceIds, ImportReport report)
    {
        var rows = new List<AttributeRow>();
        var definitions = JsonNode.Parse(File.ReadAllText(path))?.AsArray()
            ?? throw new InvalidDataException($"{path} must contain a JSON array of service definitions.");
        foreach (var definition in definitions)
        {
            var serviceCode = Text(definition, "service_code") ?? "(none)";
            var attributes = definition?["attributes"]?.AsArray() ?? [];
            if (!serviceIds.TryGetValue(serviceCode, out var serviceId))
            {
                report.Reject("attributes", $"definition {serviceCode}", $"no service with code '{serviceCode}' in the catalogue; its {attributes.Count} attribute(s) were skipped");
                continue;
            }

            var codes = new HashSet<string>(StringComparer.Ordinal);
            foreach (var attribute in attributes)
            {
                var code = Text(attribute, "code");
                var datatypeText = Text(attribute, "datatype");
                var row = $"definition {serviceCode}, attribute {code ?? "(no code)"}";
                var informational = string.Equals(datatypeText, "informational", StringComparison.OrdinalIgnoreCase);
                AttributeDatatype datatype = AttributeDatatype.Text;
                if (code is null)
                {
                    report.Reject("attributes", row, "code is required");
                    continue;
                }

                if (!informational && !AttributeDatatypes.TryParse(datatypeText, out datatype))
                {
                    report.Reject("attributes", row, $"datatype '{datatypeText}' is not a GeoReport datatype (string, number, datetime, text, singlevaluelist, multivaluelist) or informational");
                    continue;
                }

                if (!codes.Add(code))
                {
                    report.Reject("attributes", row, "the code appears twice in this definition; the first was kept");
                    continue;
                }

                var values = (attribute?["values"]?.AsArray() ?? [])
                    .Select((value, order) => (Key: Text(value, "key"), Name: Text(value, "name"), Order: order + 1))
                    .Where(value => value.Key is not null)
                    .Select(value => (value.Key!, value.Name ?? value.Key!, value.Order))
                    .DistinctBy(value => value.Item1)
                    .ToList();
                rows.Add(new AttributeRow(
                    serviceId,
                    code,
                    Variable: !informational && (attribute?["variable"]?.GetValue<bool>() ?? true),
                    datatype.ToWire(),
                    Required: !informational && (attribute?["required"]?.GetValue<bool>() ?? false),
                    Text(attribute, "datatype_description"),
                    attribute?["order"]?.GetValue<int>() ?? rows.Count + 1,
                    Text(attribute, "description"),
                    attribute?["dependencies"] is JsonNode dependencies ? dependencies.ToJsonString() : null,
                    values));
            }
        }

        return rows;
    }

    private static string? Text(JsonNode? node, string property)
    {
        var value = node?[property];
        if (value is null || value.GetValueKind() != JsonValueKind.String)
        {
            return null;
        }

        var text = value.GetValue<string>().Trim();
        return text.Length == 0 ? null : text;
    }
}
