using Microsoft.EntityFrameworkCore;
using Open311.Data;
using Open311.Domain.Liaison;

namespace Open311.Web.Portal.Bulk;

/// <summary>CSV downloads of the liaison portal: templates, failed rows of a batch, and request exports.</summary>
public static class LiaisonDownloads
{
    public const string ReasonColumn = "reason";

    public static WebApplication MapLiaisonDownloads(this WebApplication app)
    {
        // These are portal downloads for signed-in people, not part of the public GeoReport API description.
        var group = app.MapGroup("/liaison").RequireAuthorization(Portal.PortalPolicies.Liaison).ExcludeFromDescription();
        group.MapGet("/templates/{serviceCode}.csv", DownloadTemplate);
        group.MapGet("/batches/{id:long}/failed.csv", DownloadFailedRows);
        group.MapGet("/export.csv", ExportRequests);
        return app;
    }

    private static async Task<IResult> DownloadTemplate(string serviceCode, HttpContext http, LiaisonScopeService scopes, Open311DbContext db)
    {
        var scope = await scopes.LoadAsync(http.User);
        var service = scope.Jurisdiction is null ? null : await db.Services.AsNoTracking()
            .Include(s => s.Attributes)
            .SingleOrDefaultAsync(s => s.JurisdictionId == scope.Jurisdiction.Id && s.Code == serviceCode);
        if (service is null)
        {
            return Results.NotFound($"No service with code '{serviceCode}'. Pick a service on the upload page to download its template.");
        }

        var bytes = SafeCsv.Write(BatchColumns.For(service), []);
        return Results.File(bytes, "text/csv; charset=utf-8", $"{serviceCode}.csv");
    }

    private static async Task<IResult> DownloadFailedRows(long id, HttpContext http, LiaisonScopeService scopes, BatchService batches)
    {
        var scope = await scopes.LoadAsync(http.User);
        var batch = await batches.FindAsync(id, scope);
        if (batch is null)
        {
            return Results.NotFound("The batch was not found.");
        }

        // Cells outside the named columns go into unnamed columns before the reason, so nothing typed is lost.
        var columns = BatchColumns.InTemplateOrder(batch.Rows.SelectMany(row => row.Values.Keys));
        var failedRows = batch.Rows.Where(row => !row.IsValid).ToList();
        var extraColumns = failedRows.Select(row => row.Extra.Count).DefaultIfEmpty(0).Max();
        var failed = failedRows.Select(row => (IReadOnlyList<string?>)[
            .. columns.Select(column => row.Values.GetValueOrDefault(column)),
            .. Enumerable.Range(0, extraColumns).Select(i => i < row.Extra.Count ? row.Extra[i] : null),
            Reason(row)]);
        var bytes = SafeCsv.Write([.. columns, .. Enumerable.Repeat(string.Empty, extraColumns), ReasonColumn], failed);
        return Results.File(bytes, "text/csv; charset=utf-8", $"batch-{id}-failed-rows.csv");
    }

    private static string Reason(BatchRow row) => string.Join(" | ", row.Errors.Select(error => $"{error.Column}: {error.Message}"));

    private static async Task<IResult> ExportRequests(string? scope, string? status, string? serviceCode, int? days, HttpContext http, LiaisonScopeService scopes, DashboardQuery query)
    {
        var liaison = await scopes.LoadAsync(http.User);
        if (liaison.Jurisdiction is null)
        {
            return Results.NotFound("No jurisdiction is set up on this server yet.");
        }

        var filter = new DashboardFilter { Scope = scope, Status = status, ServiceCode = serviceCode, Days = days, Limit = DashboardFilter.MaxExportRows };
        var rows = await query.ListAsync(liaison, filter);
        var bytes = SafeCsv.Write(
            ["service_request_id", "service_code", "service_name", "status", "requested_datetime", "updated_datetime", "address", "lat", "long", "neighborhood", "batch_id", "description"],
            rows.Select(r => (IReadOnlyList<string?>)[
                r.PublicId, r.ServiceCode, r.ServiceName, r.Status, PortalTime.Iso(r.RequestedAt, liaison.Jurisdiction), PortalTime.Iso(r.UpdatedAt, liaison.Jurisdiction),
                r.Address, r.Lat?.ToString("R", System.Globalization.CultureInfo.InvariantCulture), r.Long?.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
                r.Neighborhood, r.BatchId?.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Description]));
        return Results.File(bytes, "text/csv; charset=utf-8", "requests.csv");
    }
}
