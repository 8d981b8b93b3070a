using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using Open311.Data;
using Open311.Domain.Liaison;
using Open311.Domain.Services;
using Open311.Web.Portal.Bulk;
using Open311.Web.Site;

namespace Open311.Web.Areas.Liaison.Pages;

/// <summary>One row of the grid form; attribute answers are keyed by attribute code.</summary>
public sealed class GridRow
{
    public string? Lat { get; set; }

    public string? Long { get; set; }

    public string? AddressString { get; set; }

    public string? Description { get; set; }

    public string? FirstName { get; set; }

    public string? LastName { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public Dictionary<string, string?> Attributes { get; set; } = [];

    public bool IsBlank => new[] { Lat, Long, AddressString, Description, FirstName, LastName, Email, Phone }.All(string.IsNullOrWhiteSpace)
        && Attributes.Values.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// Entering rows in the page for one service: a plain form of blank rows that works without JavaScript,
/// with a button that posts back for more rows. Filled rows become a draft batch with the same checks as an upload.
/// </summary>
public sealed class GridModel(Open311DbContext db, LiaisonScopeService scopes, BatchService batches, IOptions<MapOptions> map) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? ServiceCode { get; set; }

    [BindProperty]
    public List<GridRow> Rows { get; set; } = [];

    public IReadOnlyList<Service> Services { get; private set; } = [];

    public Service? Service { get; private set; }

    public string? ErrorMessage { get; private set; }

    /// <summary>The liaison's neighbourhoods as a GeoJSON FeatureCollection, drawn on the optional placement map.</summary>
    public string NeighborhoodsGeoJson { get; private set; } = "{\"type\":\"FeatureCollection\",\"features\":[]}";

    /// <summary>Tile URL template of the placement map (<c>Open311:Map:TileUrl</c>, as on the public site); when empty the map shows outlines only.</summary>
    public string? TileUrl => map.Value.HasTiles ? map.Value.TileUrl : null;

    public async Task OnGetAsync()
    {
        await LoadAsync();
        Rows = [.. Enumerable.Range(0, BulkLimits.GridRowsPerPage).Select(_ => new GridRow())];
    }

    public async Task<IActionResult> OnPostAddRowsAsync()
    {
        await LoadAsync();
        var room = Math.Max(0, BulkLimits.MaxRows - Rows.Count);
        Rows.AddRange(Enumerable.Range(0, Math.Min(BulkLimits.GridRowsPerPage, room)).Select(_ => new GridRow()));
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostCheckAsync()
    {
        var scope = await LoadAsync();
        var filled = Rows.Select((row, index) => (row, index)).Where(pair => !pair.row.IsBlank).ToList();
        if (Service is null || scope.Jurisdiction is null || filled.Count == 0 || Rows.Count > BulkLimits.MaxRows)
        {
            ErrorMessage = Service is null ? "Choose a service first."
                : Rows.Count > BulkLimits.MaxRows ? $"At most {BulkLimits.MaxRows:N0} rows can be checked at once."
                : "Every row is empty. Fill in at least one row.";
            return Page();
        }

        var batchRows = filled.Select(pair => ToBatchRow(pair.row, pair.index + 1, Service.Code)).ToList();
        var batch = await batches.CreateFromGridAsync(scope, batchRows);
        return RedirectToPage("/Batches/Details", new { area = "Liaison", id = batch.Id });
    }

    private static readonly JsonSerializerOptions GeoJsonOptions = new() { Converters = { new GeoJsonConverterFactory() } };

    private static BatchRow ToBatchRow(GridRow row, int number, string serviceCode)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [BatchColumns.ServiceCode] = serviceCode,
            [BatchColumns.Lat] = row.Lat ?? string.Empty,
            [BatchColumns.Long] = row.Long ?? string.Empty,
            [BatchColumns.AddressString] = row.AddressString ?? string.Empty,
            [BatchColumns.Description] = row.Description ?? string.Empty,
            [BatchColumns.FirstName] = row.FirstName ?? string.Empty,
            [BatchColumns.LastName] = row.LastName ?? string.Empty,
            [BatchColumns.Email] = row.Email ?? string.Empty,
            [BatchColumns.Phone] = row.Phone ?? string.Empty,
        };
        foreach (var (code, answer) in row.Attributes)
        {
            values[BatchColumns.Attribute(code)] = answer ?? string.Empty;
        }

        return new BatchRow { Number = number, Values = values };
    }

    private async Task<LiaisonScope> LoadAsync()
    {
        var scope = await scopes.LoadAsync(User);
        if (scope.Jurisdiction is null)
        {
            return scope;
        }

        Services = await db.Services.AsNoTracking()
            .Where(s => s.JurisdictionId == scope.Jurisdiction.Id && s.Active)
            .Include(s => s.Attributes).ThenInclude(a => a.Values)
            .AsSplitQuery()
            .OrderBy(s => s.Name)
            .ToListAsync();
        Service = Services.FirstOrDefault(s => s.Code == ServiceCode);
        var ids = scope.NeighborhoodIds.ToList();
        var areas = await db.Neighborhoods.AsNoTracking().Where(n => ids.Contains(n.Id)).ToListAsync();
        var features = new FeatureCollection();
        foreach (var area in areas)
        {
            features.Add(new Feature(area.Geometry, new AttributesTable { { "name", area.Name } }));
        }

        NeighborhoodsGeoJson = JsonSerializer.Serialize(features, GeoJsonOptions);
        return scope;
    }
}
