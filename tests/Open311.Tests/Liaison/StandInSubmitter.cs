using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Domain.Requests;
using Open311.Domain.Services;
using Open311.Domain.Spatial;
using Open311.Domain.Submission;

namespace Open311.Tests.Liaison;

/// <summary>
/// A small but real <see cref="IServiceRequestSubmitter"/> (database lookups, one transaction per batch) that
/// the liaison tests register only while the host itself has none. It checks the rules the portal relies on
/// (known service, numeric coordinates, required and listed answers) and stores requests with their first event.
/// </summary>
public sealed class StandInSubmitter(Open311DbContext db, TimeProvider clock) : IServiceRequestSubmitter
{
    public async Task<SubmissionResult> ValidateAsync(NewServiceRequest input, CancellationToken cancellationToken = default)
    {
        var (_, errors) = await CheckAsync(input, cancellationToken);
        return new SubmissionResult(null, errors);
    }

    public async Task<SubmissionResult> SubmitAsync(NewServiceRequest input, SubmissionContext context, CancellationToken cancellationToken = default) =>
        (await SubmitAllAsync([input], context, cancellationToken))[0];

    public async Task<IReadOnlyList<SubmissionResult>> SubmitAllAsync(IReadOnlyList<NewServiceRequest> inputs, SubmissionContext context, CancellationToken cancellationToken = default)
    {
        var checks = new List<(Service? Service, List<SubmissionError> Errors)>();
        foreach (var input in inputs)
        {
            checks.Add(await CheckAsync(input, cancellationToken));
        }

        if (checks.Any(check => check.Errors.Count > 0))
        {
            return [.. checks.Select(check => new SubmissionResult(null, check.Errors))];
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var results = new List<SubmissionResult>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var request = Build(inputs[i], checks[i].Service!, context);
            db.ServiceRequests.Add(request);
            await db.SaveChangesAsync(cancellationToken);
            results.Add(new SubmissionResult(request, []));
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    private ServiceRequest Build(NewServiceRequest input, Service service, SubmissionContext context)
    {
        var request = new ServiceRequest(service.JurisdictionId, service.Id, clock.GetUtcNow(), context.Channel)
        {
            Description = input.Description,
            Address = input.AddressString,
            Zipcode = input.Zipcode,
            Email = input.Email,
            FirstName = input.FirstName,
            LastName = input.LastName,
            Phone = input.Phone,
            UserId = context.UserId,
            BatchId = context.BatchId,
            ApiKeyId = context.ApiKeyId,
        };
        if (input.Lat is not null && input.Long is not null)
        {
            request.Location = Geo.Point(double.Parse(input.Lat, CultureInfo.InvariantCulture), double.Parse(input.Long, CultureInfo.InvariantCulture));
        }

        foreach (var (code, values) in input.Attributes)
        {
            request.Attributes[code] = [.. values];
        }

        request.RecordOpened(context.Actor);
        return request;
    }

    private async Task<(Service? Service, List<SubmissionError> Errors)> CheckAsync(NewServiceRequest input, CancellationToken cancellationToken)
    {
        var errors = new List<SubmissionError>();
        var service = await db.Services.AsNoTracking().Include(s => s.Attributes).ThenInclude(a => a.Values)
            .SingleOrDefaultAsync(s => s.JurisdictionId == input.JurisdictionId && s.Code == input.ServiceCode, cancellationToken);
        if (service is null)
        {
            errors.Add(new SubmissionError("service_code", $"Unknown service_code '{input.ServiceCode}'.", SubmissionErrorKind.NotFound));
        }

        CheckCoordinate(input.Lat, "lat", 90, errors);
        CheckCoordinate(input.Long, "long", 180, errors);
        if ((input.Lat is null || input.Long is null) && string.IsNullOrWhiteSpace(input.AddressString))
        {
            errors.Add(new SubmissionError("lat", "Missing location: send lat and long, or address_string."));
        }

        if (input.Description?.Length > 4000)
        {
            errors.Add(new SubmissionError("description", "description is longer than 4,000 characters."));
        }

        foreach (var attribute in service?.Attributes.Where(a => a.Variable) ?? [])
        {
            var field = $"attribute[{attribute.Code}]";
            input.Attributes.TryGetValue(attribute.Code, out var answers);
            if (attribute.Required && (answers is null || answers.Count == 0))
            {
                errors.Add(new SubmissionError(field, $"Missing required attribute '{attribute.Code}'."));
            }
            else if (answers is not null && attribute.Datatype.IsList() && answers.FirstOrDefault(a => attribute.Values.All(v => v.Key != a)) is { } unknown)
            {
                errors.Add(new SubmissionError(field, $"'{unknown}' is not a value of attribute '{attribute.Code}'."));
            }
        }

        return (service, errors);
    }

    private static void CheckCoordinate(string? value, string field, double limit, List<SubmissionError> errors)
    {
        if (value is not null && (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || Math.Abs(number) > limit))
        {
            errors.Add(new SubmissionError(field, $"{field} must be a decimal number between -{limit} and {limit}."));
        }
    }
}
