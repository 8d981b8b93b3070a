namespace Open311.Domain.Submission;

/// <summary>Length limits of submitted text, in UTF-16 characters. Longer input is rejected, never cut.</summary>
public static class SubmissionLimits
{
    /// <summary>The GeoReport v2 limit for <c>description</c>.</summary>
    public const int Description = 4000;

    public const int AddressString = 1000;

    public const int Email = 254;

    public const int Name = 200;

    public const int Phone = 50;

    /// <summary>Limit for <c>address_id</c>, <c>device_id</c>, <c>account_id</c>, <c>zipcode</c> and <c>service_code</c>.</summary>
    public const int Identifier = 200;

    public const int MediaUrl = 2048;

    /// <summary>Limit for one answer to a <c>string</c> attribute.</summary>
    public const int StringAttribute = 1000;

    /// <summary>Limit for one answer to a <c>text</c> attribute.</summary>
    public const int TextAttribute = 4000;

    /// <summary>Most values accepted for one multi-value list attribute.</summary>
    public const int ListValues = 100;
}
