using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Open311.Web.GeoReport.Formatting;

namespace Open311.Tests.GeoReport;

public sealed class WireWriterTests
{
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Fact]
    public void WriteXml_ControlCharacters_ReplacedSoDocumentParses()
    {
        var document = WireDocument.List("errors", "error", [new ErrorWire(400, "nul\0 bell\u0007 lone\uD800 pair\uD83D\uDE00 tab\t")]);

        var xml = Encoding.UTF8.GetString(WireWriter.WriteXml(document));

        var description = XDocument.Parse(xml).Root!.Element("error")!.Element("description")!.Value;
        Assert.Equal("nul\uFFFD bell\uFFFD lone\uFFFD pair\uD83D\uDE00 tab\t", description);
    }

    [Fact]
    public void WriteJson_ListOfOne_IsTypedArray()
    {
        var request = new ServiceRequestWire("1001", "open", null, "Pothole", "POTHOLE", null, null, null,
            new DateTimeOffset(2014, 7, 15, 10, 30, 0, TimeSpan.FromHours(-7)), new DateTimeOffset(2014, 7, 15, 10, 30, 0, TimeSpan.FromHours(-7)),
            null, null, null, null, 37.76, -122.42, null);

        using var json = JsonDocument.Parse(WireWriter.WriteJson(WireDocument.List("service_requests", "request", [request])));

        var item = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(JsonValueKind.String, item.GetProperty("service_request_id").ValueKind);
        Assert.Equal(JsonValueKind.Number, item.GetProperty("lat").ValueKind);
        Assert.Equal(JsonValueKind.Null, item.GetProperty("expected_datetime").ValueKind);
        Assert.False(item.TryGetProperty("extended_attributes", out _));
        Assert.Equal(17, item.EnumerateObject().Count());
    }

    [Fact]
    public void WriteXml_StartsWithDeclarationAndNoNamespace()
    {
        var xml = Encoding.UTF8.GetString(WireWriter.WriteXml(WireDocument.List("services", "service", Array.Empty<ServiceWire>())));

        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<services />", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("xmlns", xml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2014-07-15T17:30:45.999Z", "2014-07-15T10:30:45-07:00")]
    [InlineData("2014-01-15T17:00:00Z", "2014-01-15T09:00:00-08:00")]
    [InlineData("2014-03-09T10:00:00Z", "2014-03-09T03:00:00-07:00")]
    [InlineData("2014-11-02T09:30:00Z", "2014-11-02T01:30:00-08:00")]
    public void Format_InstantInLosAngeles_WholeSecondsWithSeasonalOffset(string instant, string expected)
    {
        var local = WireTime.ToZone(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture), LosAngeles);

        Assert.Equal(expected, WireTime.Format(local));
    }
}
