namespace Open311.Web.Portal.Bulk;

/// <summary>Limits of one bulk upload; docs/liaison.md states them for liaisons.</summary>
public static class BulkLimits
{
    /// <summary>2 MiB: about 1,000 rows of a template with long descriptions.</summary>
    public const long MaxFileBytes = 2 * 1024 * 1024;

    /// <summary>Room above <see cref="MaxFileBytes"/> for the form fields, so a slightly larger file gets a clear message instead of a bare 413.</summary>
    public const long MaxRequestBytes = 4 * 1024 * 1024;

    public const int MaxRows = 1000;

    public const int GridRowsPerPage = 10;

    /// <summary>Separator of several answers to a multi-value list question in one cell.</summary>
    public const char MultiValueSeparator = '|';
}
