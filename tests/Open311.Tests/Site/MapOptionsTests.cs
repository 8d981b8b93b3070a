using Open311.Web.Site;

namespace Open311.Tests.Site;

public sealed class MapOptionsTests
{
    [Theory]
    [InlineData(MapOptions.OpenStreetMapTileUrl, "https://tile.openstreetmap.org")]
    [InlineData("https://{s}.tiles.example.org/{z}/{x}/{y}.png", "https://*.tiles.example.org")]
    [InlineData("http://127.0.0.1:8080/tiles/{z}/{x}/{y}.png", "http://127.0.0.1:8080")]
    [InlineData("/tiles/{z}/{x}/{y}.png", null)]
    [InlineData("", null)]
    public void TileOrigin_TileUrl_ReturnsOriginForPolicy(string tileUrl, string? expected)
    {
        var options = new MapOptions { TileUrl = tileUrl };

        var origin = options.TileOrigin();

        Assert.Equal(expected, origin);
    }

    [Fact]
    public void BuildPolicy_WithTiles_AllowsTileHostForImagesOnly()
    {
        var policy = ContentSecurityPolicy.BuildPolicy(new MapOptions());

        Assert.Contains("img-src 'self' data: https://tile.openstreetmap.org;", policy);
        Assert.Contains("script-src 'self';", policy);
        Assert.Contains("connect-src 'self';", policy);
        Assert.DoesNotContain("unsafe", policy);
    }

    [Fact]
    public void BuildPolicy_WithoutTiles_AllowsOnlyThisSiteForImages()
    {
        var policy = ContentSecurityPolicy.BuildPolicy(new MapOptions { TileUrl = string.Empty });

        Assert.Contains("img-src 'self' data:;", policy);
    }
}
