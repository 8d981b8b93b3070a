namespace Open311.Web.Hosting;

/// <summary>Settings under the <c>Open311</c> configuration section (environment: <c>Open311__Name</c>).</summary>
public sealed class Open311Options
{
    public const string Section = "Open311";

    /// <summary>When set, a key with exactly this value exists after start, so deployments and tests can provision their first key.</summary>
    public string? BootstrapApiKey { get; set; }

    /// <summary>Base URL printed in discovery; when empty it is built from the request's scheme and host.</summary>
    public string? PublicBaseUrl { get; set; }
}
