using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Data.Jurisdictions;
using Open311.Web.GeoReport.Formatting;

namespace Open311.Web.GeoReport.Apis;

/// <summary>GET tokens/{token}: the request id behind a token returned by a POST to a batch service.</summary>
public static class TokensApi
{
    public static RouteGroupBuilder MapTokensApi(this RouteGroupBuilder group)
    {
        group.MapGet("/tokens/{token}.{format}", GetServiceRequestIdFromToken)
            .WithName(nameof(GetServiceRequestIdFromToken))
            .WithSummary("Look up the service_request_id of a token")
            .WithOpen311Responses("Tokens", 404);
        return group;
    }

    public static async Task<Open311Result> GetServiceRequestIdFromToken(
        string token,
        string format,
        [FromQuery(Name = "jurisdiction_id")] string? jurisdictionId,
        Open311DbContext db,
        JurisdictionResolver resolver,
        CancellationToken cancellationToken)
    {
        if (!Open311Responses.TryFormat(format, out var wireFormat, out var notFound))
        {
            return notFound!;
        }

        var (jurisdiction, error) = await Open311Responses.ResolveJurisdictionAsync(resolver, jurisdictionId, wireFormat, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        // NOTE: a token is stored on its request row, so every known token already has a request id here.
        // A token issued before its request exists would need a null service_request_id in the reply.
        var publicId = await db.ServiceRequests.AsNoTracking()
            .Where(request => request.JurisdictionId == jurisdiction!.Id && request.Token == token)
            .Select(request => request.PublicId)
            .SingleOrDefaultAsync(cancellationToken);
        return publicId is null
            ? Open311Result.Error(wireFormat, StatusCodes.Status404NotFound, $"Unknown token '{token}'. Tokens are returned by POST requests to batch services.")
            : Open311Result.Ok(wireFormat, WireDocument.List("service_requests", "request", [new TokenWire(publicId, token)]));
    }
}
