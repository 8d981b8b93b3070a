namespace Open311.Web.Pages.Shared;

/// <summary>
/// A horizontal bar chart drawn as SVG on the server, so it shows without JavaScript. Each row has a value and an
/// optional second value (drawn as a thinner bar), such as a median and a 90th percentile.
/// </summary>
public sealed record BarChart(string Title, IReadOnlyList<(string Label, double Value, double? Second)> Rows, string Unit)
{
    public const int LabelWidth = 230;

    public const int BarArea = 280;

    public const int RowHeight = 30;

    public int Height => (Rows.Count * RowHeight) + 10;

    public double Max => Rows.Count == 0 ? 1 : Math.Max(1e-9, Rows.Max(r => Math.Max(r.Value, r.Second ?? 0)));

    public double Width(double value) => Math.Max(1, BarArea * value / Max);

    public static string Label(string text) => text.Length > 32 ? text[..31] + "…" : text;

    public string Format(double value) => Unit == "days"
        ? value.ToString(value < 10 ? "0.0" : "0", System.Globalization.CultureInfo.InvariantCulture)
        : value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
