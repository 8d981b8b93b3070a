namespace Open311.Domain.Services;

/// <summary>The GeoReport v2 attribute datatypes.</summary>
public enum AttributeDatatype
{
    String,
    Number,
    Datetime,
    Text,
    SingleValueList,
    MultiValueList,
}

public static class AttributeDatatypes
{
    /// <summary>Returns the spec's lower-case spelling, such as <c>singlevaluelist</c>.</summary>
    public static string ToWire(this AttributeDatatype datatype) => datatype.ToString().ToLowerInvariant();

    public static bool TryParse(string? value, out AttributeDatatype datatype) =>
        Enum.TryParse(value, ignoreCase: true, out datatype) && Enum.IsDefined(datatype);

    public static bool IsList(this AttributeDatatype datatype) =>
        datatype is AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList;
}
