using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Open311.Tests.Infrastructure;
using Open311.Web.Media;

namespace Open311.Tests.Submission;

/// <summary>The host with its media folder in a temporary directory and a 64 KiB size limit.</summary>
public sealed class MediaAppFactory : Open311AppFactory, IAsyncLifetime
{
    public const int MaxFileBytes = 64 * 1024;

    public string MediaFolder { get; } = Path.Combine(Path.GetTempPath(), "open311-media-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Open311:Media:Path", MediaFolder);
        builder.UseSetting("Open311:Media:MaxFileBytes", MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(MediaFolder))
        {
            Directory.Delete(MediaFolder, recursive: true);
        }
    }
}

public sealed class MediaStoreTests(MediaAppFactory factory) : IClassFixture<MediaAppFactory>
{
    private static readonly byte[] PngHeader = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13];

    private MediaStore Store => factory.Services.GetRequiredService<MediaStore>();

    private static byte[] Image(byte[] header, int length)
    {
        var bytes = new byte[length];
        header.CopyTo(bytes, 0);
        Random.Shared.NextBytes(bytes.AsSpan(header.Length));
        return bytes;
    }

    public static TheoryData<byte[], string, string> Signatures => new()
    {
        { [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1], "image/jpeg", ".jpg" },
        { PngHeader, "image/png", ".png" },
        { "GIF89a\u0001\0\u0001\0\0\0"u8.ToArray(), "image/gif", ".gif" },
        { "GIF87a\u0001\0\u0001\0\0\0"u8.ToArray(), "image/gif", ".gif" },
        { "RIFF\u0024\0\0\0WEBPVP8 "u8.ToArray(), "image/webp", ".webp" },
    };

    [Theory]
    [MemberData(nameof(Signatures))]
    public async Task Save_KnownSignature_StoresUnderRandomName(byte[] header, string contentType, string extension)
    {
        var bytes = Image(header, 2000);

        var result = await Store.SaveAsync(new MemoryStream(bytes), "media");

        Assert.Null(result.Error);
        Assert.Equal(contentType, result.Media!.ContentType);
        Assert.Matches($"^[0-9a-f]{{32}}\\{extension}$", result.Media.Name);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(factory.MediaFolder, result.Media.Name)));
    }

    [Fact]
    public async Task Get_StoredImage_ServesWithNosniff()
    {
        var bytes = Image(PngHeader, 5000);
        var saved = (await Store.SaveAsync(new MemoryStream(bytes), "media")).Media!;
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(saved.Path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/media/00000000000000000000000000000000.png")]
    [InlineData("/media/..%2Fappsettings.json")]
    [InlineData("/media/notes.txt")]
    [InlineData("/media/0123456789ABCDEF0123456789ABCDEF.png")]
    public async Task Get_UnknownOrForeignName_IsNotFound(string path)
    {
        using var client = factory.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("hello, this is text")]
    [InlineData("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>")]
    [InlineData("<html><body>not an image</body></html>")]
    [InlineData("")]
    public async Task Save_NotAnImage_RejectsAndStoresNothing(string content)
    {
        var before = Directory.Exists(factory.MediaFolder) ? Directory.GetFiles(factory.MediaFolder).Length : 0;

        var result = await Store.SaveAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(content)), "media");

        Assert.Null(result.Media);
        Assert.Equal("media", result.Error!.Field);
        Assert.Contains("JPEG, PNG, GIF or WebP", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(before, Directory.Exists(factory.MediaFolder) ? Directory.GetFiles(factory.MediaFolder).Length : 0);
    }

    [Fact]
    public async Task Save_AtLimit_IsStored()
    {
        var result = await Store.SaveAsync(new MemoryStream(Image(PngHeader, MediaAppFactory.MaxFileBytes)), "media");

        Assert.NotNull(result.Media);
    }

    [Fact]
    public async Task Save_OverLimit_RejectsAndLeavesNoFile()
    {
        var before = Directory.Exists(factory.MediaFolder) ? Directory.GetFiles(factory.MediaFolder).Length : 0;

        var result = await Store.SaveAsync(new MemoryStream(Image(PngHeader, MediaAppFactory.MaxFileBytes + 1)), "media");

        Assert.Null(result.Media);
        Assert.Contains("larger than", result.Error!.Message, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(factory.MediaFolder).Length);
    }

    [Fact]
    public async Task SaveAll_OneBadFile_KeepsNone()
    {
        var before = Directory.Exists(factory.MediaFolder) ? Directory.GetFiles(factory.MediaFolder).Length : 0;
        var files = new List<IFormFile>
        {
            FormFile("media", Image(PngHeader, 100), "good.png"),
            FormFile("media", "plain text"u8.ToArray(), "bad.png"),
        };

        var (media, errors) = await Store.SaveAllAsync(files);

        Assert.Empty(media);
        Assert.Single(errors);
        Assert.Equal(before, Directory.Exists(factory.MediaFolder) ? Directory.GetFiles(factory.MediaFolder).Length : 0);
    }

    [Fact]
    public async Task SaveAll_TooManyFiles_RejectsAll()
    {
        var files = Enumerable.Range(0, 4).Select(index => FormFile("media", Image(PngHeader, 100), $"photo{index}.png")).ToList();

        var (media, errors) = await Store.SaveAllAsync(files);

        Assert.Empty(media);
        Assert.Contains("maximum is 3", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BuildUrl_UsesPublicBaseUrlWhenSet()
    {
        var media = new StoredMedia("0123456789abcdef0123456789abcdef.png", "image/png");
        var request = new DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new HostString("localhost", 5000);

        Assert.Equal("https://311.example.org/media/0123456789abcdef0123456789abcdef.png", MediaEndpoints.BuildUrl(media, request, "https://311.example.org/"));
        Assert.Equal("http://localhost:5000/media/0123456789abcdef0123456789abcdef.png", MediaEndpoints.BuildUrl(media, request, null));
    }

    private static FormFile FormFile(string field, byte[] bytes, string fileName) =>
        new(new MemoryStream(bytes), 0, bytes.Length, field, fileName) { Headers = new HeaderDictionary(), ContentType = "image/png" };
}
