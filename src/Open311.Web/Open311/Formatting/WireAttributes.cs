namespace Open311.Web.GeoReport.Formatting;

/// <summary>Names the element of each item of a list property in XML, such as <c>attribute</c> inside <c>attributes</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WireItemAttribute(string itemName) : Attribute
{
    public string ItemName { get; } = itemName;
}

/// <summary>Overrides the wire name of a property when snake_case of the property name is not the spec's spelling.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WireNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>Leaves a property out of the output when it is null; only for extension fields that a flag turns on.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class WireOptionalAttribute : Attribute;
