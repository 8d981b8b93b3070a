using System.Globalization;
using Open311.Domain.Requests;
using Open311.Domain.Spatial;

namespace Open311.Web.GeoReport.Queries;

/// <summary>
/// Turns a <see cref="RequestsQuery"/> into a <see cref="RequestListFilter"/>, collecting one message per bad argument.
/// An argument sent empty (<c>service_code=</c>) counts as absent. An argument whose value has nothing
/// usable (<c>service_code=,</c>, <c>status=%20</c>) is an error, so a filter never silently widens to everything.
/// </summary>
public static class RequestsQueryParser
{
    public static (RequestListFilter Filter, bool Extensions, IReadOnlyList<string> Errors) Parse(
        RequestsQuery query, string jurisdictionId, DateTimeOffset now)
    {
        var errors = new List<string>();
        var filter = new RequestListFilter(jurisdictionId)
        {
            Page = ParsePage(query.Page, "page", int.MaxValue, 1, errors),
            PageSize = ParsePage(query.PageSize, "page_size", RequestListFilter.MaxPageSize, RequestListFilter.MaxPageSize, errors),
        };
        var extensions = ParseFlag(query.Extensions, "extensions", errors);

        var ids = ParseList(query.ServiceRequestId, "service_request_id", "one or more request ids", errors);
        if (ids is not null)
        {
            return (filter with { ServiceRequestIds = ids }, extensions, errors);
        }

        filter = filter with
        {
            ServiceCodes = ParseList(query.ServiceCode, "service_code", "one or more service codes", errors),
            Statuses = ParseStatuses(query.Status, errors),
            UpdatedAfter = ParseInstant(query.UpdatedAfter, "updated_after", errors),
            UpdatedBefore = ParseInstant(query.UpdatedBefore, "updated_before", errors),
        };
        filter = ApplyDateWindow(filter, query, now, errors);
        filter = ApplyRadius(filter, query, errors);

        if (!string.IsNullOrEmpty(query.Neighborhood) && string.IsNullOrWhiteSpace(query.Neighborhood))
        {
            errors.Add("Invalid neighborhood: it has only spaces. Send a neighbourhood name, or leave neighborhood out to search every neighbourhood.");
        }

        if (!string.IsNullOrEmpty(query.Bbox))
        {
            if (GeoArguments.TryParseBox(query.Bbox, out var box, out var error))
            {
                filter = filter with { Box = box };
            }
            else
            {
                errors.Add(error!);
            }
        }

        return (filter, extensions, errors);
    }

    /// <summary>
    /// Splits a comma list, trimming items and dropping empty ones. Null when the argument is absent or empty; an
    /// error (and null) when it was sent but nothing is left, such as <c>,</c> or a space.
    /// </summary>
    public static IReadOnlyList<string>? ParseList(string? value, string parameter, string expected, List<string> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        var items = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length == 0)
        {
            errors.Add($"Invalid {parameter} '{value}': it has no values. Send {expected} as a comma list, or leave {parameter} out.");
            return null;
        }

        return items.Distinct(StringComparer.Ordinal).ToList();
    }

    public static int ParsePage(string? value, string parameter, int max, int defaultValue, List<string> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return defaultValue;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= max)
        {
            return number;
        }

        errors.Add(max == int.MaxValue
            ? $"Invalid {parameter} '{value}': expected a whole number of 1 or more."
            : $"Invalid {parameter} '{value}': expected a whole number from 1 to {max}.");
        return defaultValue;
    }

    public static DateTimeOffset? ParseInstant(string? value, string parameter, List<string> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return null;
        }

        if (InstantParser.TryParse(parameter, value, out var instant, out var error))
        {
            return instant;
        }

        errors.Add(error!);
        return null;
    }

    private static bool ParseFlag(string? value, string parameter, List<string> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        if (bool.TryParse(value.Trim(), out var flag))
        {
            return flag;
        }

        errors.Add($"Invalid {parameter} '{value}': expected true or false.");
        return false;
    }

    private static List<RequestStatus>? ParseStatuses(string? value, List<string> errors)
    {
        var names = ParseList(value, "status", "open, closed or both", errors);
        if (names is null)
        {
            return null;
        }

        var unknown = names.Where(name => !name.Equals("open", StringComparison.OrdinalIgnoreCase) && !name.Equals("closed", StringComparison.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add($"Invalid status '{string.Join(",", unknown)}': expected open, closed, or both as a comma list.");
            return null;
        }

        var wantOpen = names.Any(name => name.Equals("open", StringComparison.OrdinalIgnoreCase));
        var wantClosed = names.Any(name => name.Equals("closed", StringComparison.OrdinalIgnoreCase));
        return wantOpen && wantClosed
            ? null
            : RequestStatuses.All.Where(status => status.IsClosed() == wantClosed).ToList();
    }

    /// <summary>
    /// Applies the requested-date window. When only updated_after/updated_before are sent, no requested-date
    /// window applies, so a client syncing changes also sees old requests that changed recently.
    /// </summary>
    private static RequestListFilter ApplyDateWindow(RequestListFilter filter, RequestsQuery query, DateTimeOffset now, List<string> errors)
    {
        var start = ParseInstant(query.StartDate, "start_date", errors);
        var end = ParseInstant(query.EndDate, "end_date", errors);
        var datesSent = !string.IsNullOrEmpty(query.StartDate) || !string.IsNullOrEmpty(query.EndDate);
        if (datesSent && start is null && end is null)
        {
            return filter;
        }

        if (!datesSent && (filter.UpdatedAfter is not null || filter.UpdatedBefore is not null))
        {
            return filter;
        }

        if (!DateWindow.TryResolve(start, end, now, out var from, out var to, out var error))
        {
            errors.Add(error!);
            return filter;
        }

        return filter with { RequestedFrom = from, RequestedTo = to };
    }

    private static RequestListFilter ApplyRadius(RequestListFilter filter, RequestsQuery query, List<string> errors)
    {
        var sent = new[] { query.Lat, query.Long, query.Radius }.Count(value => !string.IsNullOrEmpty(value));
        if (sent == 0)
        {
            return filter;
        }

        if (sent < 3)
        {
            errors.Add("Missing radius search argument: send lat, long and radius (metres) together, or none of them.");
            return filter;
        }

        var latOk = GeoArguments.TryParseLatitude("lat", query.Lat!, out var latitude, out var latError);
        var longOk = GeoArguments.TryParseLongitude("long", query.Long!, out var longitude, out var longError);
        var radiusOk = GeoArguments.TryParseRadius(query.Radius!, out var metres, out var radiusError);
        errors.AddRange(new[] { latError, longError, radiusError }.OfType<string>());
        return latOk && longOk && radiusOk
            ? filter with { Near = Geo.Point(latitude, longitude), RadiusMetres = metres }
            : filter;
    }
}
