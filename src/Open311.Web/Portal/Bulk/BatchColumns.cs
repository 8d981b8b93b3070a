using Open311.Domain.Liaison;
using Open311.Domain.Services;
using Open311.Domain.Submission;

namespace Open311.Web.Portal.Bulk;

/// <summary>
/// The column names of a bulk file and the grid, named after the GeoReport POST arguments so that errors from
/// the shared validators (which name the wire field) land on the right column.
/// </summary>
public static class BatchColumns
{
    public const string ServiceCode = "service_code";
    public const string Lat = "lat";
    public const string Long = "long";
    public const string AddressString = "address_string";
    public const string Zipcode = "zipcode";
    public const string Description = "description";
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string Email = "email";
    public const string Phone = "phone";

    /// <summary>The fixed columns in template order; attribute columns follow them.</summary>
    public static readonly IReadOnlyList<string> Fixed =
        [ServiceCode, Lat, Long, AddressString, Zipcode, Description, FirstName, LastName, Email, Phone];

    public static string Attribute(string code) => $"attribute[{code}]";

    /// <summary>Reads <c>attribute[CODE]</c> and returns CODE, or null for any other column name.</summary>
    public static string? AttributeCode(string column) =>
        column.StartsWith("attribute[", StringComparison.OrdinalIgnoreCase) && column.EndsWith(']') && column.Length > "attribute[]".Length
            ? column["attribute[".Length..^1]
            : null;

    /// <summary>
    /// Puts column names in template order: the fixed columns first, then attribute columns by name. Stored rows
    /// lose the file's order because jsonb keeps object keys sorted.
    /// </summary>
    public static IReadOnlyList<string> InTemplateOrder(IEnumerable<string> columns) =>
        [.. columns.Distinct(StringComparer.Ordinal)
            .OrderBy(column => Fixed.Contains(column) ? Fixed.ToList().IndexOf(column) : Fixed.Count)
            .ThenBy(column => column, StringComparer.Ordinal)];

    /// <summary>Returns the template's header: the fixed columns, then one column per question of the service.</summary>
    public static IReadOnlyList<string> For(Service service) =>
        [.. Fixed, .. service.Attributes.Where(a => a.Variable).OrderBy(a => a.Order).Select(a => Attribute(a.Code))];

    /// <summary>Builds the shared submission input from a row; multi-value answers are split on '|'.</summary>
    public static NewServiceRequest ToInput(BatchRow row, string jurisdictionId, Service? service)
    {
        var attributes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (column, raw) in row.Values)
        {
            var code = AttributeCode(column);
            if (code is null || string.IsNullOrWhiteSpace(raw))
            {
                continue;
            }

            var datatype = service?.Attributes.FirstOrDefault(a => a.Code == code)?.Datatype;
            attributes[code] = datatype == AttributeDatatype.MultiValueList
                ? [.. raw.Split(BulkLimits.MultiValueSeparator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)]
                : [raw.Trim()];
        }

        return new NewServiceRequest
        {
            JurisdictionId = jurisdictionId,
            ServiceCode = row.Value(ServiceCode),
            Lat = row.Value(Lat),
            Long = row.Value(Long),
            AddressString = row.Value(AddressString),
            Zipcode = row.Value(Zipcode),
            Description = row.Value(Description),
            FirstName = row.Value(FirstName),
            LastName = row.Value(LastName),
            Email = row.Value(Email),
            Phone = row.Value(Phone),
            Attributes = attributes,
        };
    }
}
