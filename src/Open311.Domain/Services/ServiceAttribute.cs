namespace Open311.Domain.Services;

/// <summary>A question of a service definition, or, when <see cref="Variable"/> is false, information shown to the person.</summary>
public sealed class ServiceAttribute
{
    private readonly List<AttributeValue> _values = [];

    private ServiceAttribute()
    {
        Code = string.Empty;
    }

    public ServiceAttribute(string code, AttributeDatatype datatype, bool variable, bool required, int order)
    {
        Code = code;
        Datatype = datatype;
        Variable = variable;
        Required = required;
        Order = order;
    }

    public int Id { get; private set; }

    public int ServiceId { get; private set; }

    public string Code { get; private set; }

    public bool Variable { get; private set; }

    public AttributeDatatype Datatype { get; private set; }

    public bool Required { get; private set; }

    public string? DatatypeDescription { get; set; }

    public int Order { get; private set; }

    public string? Description { get; set; }

    /// <summary>
    /// Conditions under which the question applies, kept as JSON in Boston's shape
    /// (<c>{"clause":"OR","conditions":[{"attribute":"CODE","op":"eq","value":"KEY"}]}</c>); null when always shown.
    /// </summary>
    public string? DependenciesJson { get; set; }

    public IReadOnlyList<AttributeValue> Values => _values;

    public void ReplaceValues(IEnumerable<AttributeValue> values)
    {
        _values.Clear();
        _values.AddRange(values);
    }
}

/// <summary>One choice of a list attribute: <c>key</c> is sent by clients, <c>name</c> is shown to people.</summary>
public sealed class AttributeValue
{
    private AttributeValue()
    {
        Key = string.Empty;
        Name = string.Empty;
    }

    public AttributeValue(string key, string name, int sortOrder)
    {
        Key = key;
        Name = name;
        SortOrder = sortOrder;
    }

    public int Id { get; private set; }

    public int AttributeId { get; private set; }

    public string Key { get; private set; }

    public string Name { get; private set; }

    public int SortOrder { get; private set; }
}
