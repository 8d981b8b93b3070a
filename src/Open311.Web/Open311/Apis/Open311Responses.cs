using Open311.Data.Jurisdictions;
using Open311.Domain.Jurisdictions;
using Open311.Domain.Submission;
using Open311.Web.GeoReport.Formatting;

namespace Open311.Web.GeoReport.Apis;

/// <summary>Steps every Open311 handler shares: reading the suffix, resolving the jurisdiction, mapping errors.</summary>
internal static class Open311Responses
{
    /// <summary>Reads the path suffix; an unknown one is a 404 in XML, the format every server must offer.</summary>
    public static bool TryFormat(string suffix, out WireFormat format, out Open311Result? notFound)
    {
        if (WireFormats.TryParse(suffix, out format))
        {
            notFound = null;
            return true;
        }

        notFound = Open311Result.Error(WireFormat.Xml, StatusCodes.Status404NotFound,
            $"Unknown format '{suffix}'. Use .xml or .json.");
        return false;
    }

    public static async Task<(Jurisdiction? Jurisdiction, Open311Result? Error)> ResolveJurisdictionAsync(
        JurisdictionResolver resolver, string? jurisdictionId, WireFormat format, CancellationToken cancellationToken)
    {
        var (jurisdiction, error) = await resolver.ResolveAsync(jurisdictionId, cancellationToken);
        return error is null ? (jurisdiction, null) : (null, FromSubmissionErrors(format, [error]));
    }

    public static Open311Result BadRequest(WireFormat format, IEnumerable<string> messages) =>
        Open311Result.Errors(format, StatusCodes.Status400BadRequest,
            messages.Select(message => new ErrorWire(StatusCodes.Status400BadRequest, message)));

    /// <summary>
    /// Maps submission errors to one error list. Each entry carries its own status; the response takes the
    /// most serious one (403, then 404, then 400), so a client that checks only the status still learns the cause.
    /// </summary>
    public static Open311Result FromSubmissionErrors(WireFormat format, IReadOnlyCollection<SubmissionError> errors)
    {
        var entries = errors.Select(error => new ErrorWire(StatusOf(error.Kind), Describe(error))).ToList();
        var status = errors.Any(error => error.Kind == SubmissionErrorKind.Forbidden) ? StatusCodes.Status403Forbidden
            : errors.Any(error => error.Kind == SubmissionErrorKind.NotFound) ? StatusCodes.Status404NotFound
            : StatusCodes.Status400BadRequest;
        return Open311Result.Errors(format, status, entries);
    }

    private static int StatusOf(SubmissionErrorKind kind) => kind switch
    {
        SubmissionErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        SubmissionErrorKind.NotFound => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    };

    private static string Describe(SubmissionError error) =>
        string.IsNullOrEmpty(error.Field) || error.Message.Contains(error.Field, StringComparison.Ordinal)
            ? error.Message
            : $"{error.Field}: {error.Message}";
}
