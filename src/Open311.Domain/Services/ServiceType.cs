namespace Open311.Domain.Services;

/// <summary>How a POST to the service is answered: with an id, with a token, or with neither.</summary>
public enum ServiceType
{
    Realtime,
    Batch,
    Blackbox,
}
