using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Open311.Web.Portal.Bulk;

namespace Open311.Web.Areas.Liaison.Pages;

/// <summary>The liaison's dashboard: requests they entered and all requests in their neighbourhoods.</summary>
public sealed class IndexModel(LiaisonScopeService scopes, DashboardQuery query, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Scope { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? ServiceCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Days { get; set; }

    public LiaisonScope Liaison { get; private set; } = null!;

    public IReadOnlyList<DashboardRow> Requests { get; private set; } = [];

    public DateTimeOffset Now { get; private set; }

    public string ExportQuery => QueryString.Create(new Dictionary<string, string?>
    {
        ["scope"] = Scope, ["status"] = Status, ["serviceCode"] = ServiceCode, ["days"] = Days?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(pair => !string.IsNullOrEmpty(pair.Value))).ToString();

    public async Task OnGetAsync()
    {
        Now = clock.GetUtcNow();
        Liaison = await scopes.LoadAsync(User);
        Requests = Liaison.Jurisdiction is null ? [] : await query.ListAsync(Liaison, new DashboardFilter { Scope = Scope, Status = Status, ServiceCode = ServiceCode, Days = Days });
    }

    public static string Age(TimeSpan age) => age.TotalDays >= 1 ? $"{(int)age.TotalDays} d" : $"{(int)age.TotalHours} h";
}
