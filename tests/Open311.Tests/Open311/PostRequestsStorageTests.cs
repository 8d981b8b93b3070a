using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Open311.Data.ApiKeys;
using Open311.Domain.Requests;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.GeoReport;

/// <summary>The API test host with the real submitter, storing uploaded photos in a folder of its own.</summary>
public sealed class StoringPostApiAppFactory : ApiAppFactory, IAsyncLifetime
{
    public string MediaFolder { get; } = Path.Combine(Path.GetTempPath(), "open311-media-" + Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Open311:Media:Path", MediaFolder);
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

/// <summary>
/// POST requests through the real submitter into PostGIS: what is stored, what a retry with an
/// Idempotency-Key gets, how photos are kept, and what reads back through GET.
/// </summary>
public sealed class PostRequestsStorageTests(StoringPostApiAppFactory factory) : IClassFixture<StoringPostApiAppFactory>
{
    /// <summary>A 1 by 1 pixel PNG.</summary>
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private readonly HttpClient _client = factory.CreateClient();

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value)));

    private static (string, string)[] Pothole(string description, string key = Open311AppFactory.ApiKey) =>
        [("api_key", key), ("service_code", "POTHOLE"), ("lat", "37.76"), ("long", "-122.42"), ("attribute[SIZE]", "large"), ("description", description)];

    private Task<int> CountAsync(string description) =>
        factory.WithDbAsync(db => db.ServiceRequests.CountAsync(request => request.Description == description));

    private Task<ServiceRequest> StoredAsync(string publicId) =>
        factory.WithDbAsync(db => db.ServiceRequests.AsNoTracking().SingleAsync(request => request.PublicId == publicId));

    private async Task<HttpResponseMessage> PostAsync(HttpContent content, string? idempotencyKey = null, string format = "json")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/open311/v2/requests.{format}") { Content = content };
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await _client.SendAsync(request);
    }

    private async Task<string> NewApiKeyAsync(string name) =>
        await factory.WithDbAsync(async db => (await new ApiKeyStore(db, TimeProvider.System).CreateAsync(name)).Value);

    private static string[] MediaFiles(string folder) =>
        Directory.Exists(folder) ? Directory.GetFiles(folder) : [];

    [Fact]
    public async Task IdempotencyKey_SameBodyTwice_StoresOneAndRepeatsReply()
    {
        var description = "Retried pothole " + Guid.NewGuid();
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(Form(Pothole(description)), key);
        using var second = await PostAsync(Form(Pothole(description)), key);
        var firstText = await first.Content.ReadAsStringAsync();
        var secondText = await second.Content.ReadAsStringAsync();

        Assert.True(first.StatusCode == HttpStatusCode.OK, firstText);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(firstText, secondText);
        Assert.Equal(first.Content.Headers.ContentType!.ToString(), second.Content.Headers.ContentType!.ToString());
        Assert.Equal(1, await CountAsync(description));
        var id = JsonDocument.Parse(firstText).RootElement[0].GetProperty("service_request_id").GetString()!;
        Assert.Equal(description, (await StoredAsync(id)).Description);
    }

    [Fact]
    public async Task IdempotencyKey_OtherBody_Returns409AndStoresNothing()
    {
        var description = "Keyed pothole " + Guid.NewGuid();
        var key = Guid.NewGuid().ToString();
        using var first = await PostAsync(Form(Pothole(description)), key);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await PostAsync(Form(Pothole(description + " changed")), key);
        var body = await second.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(409, body[0].GetProperty("code").GetInt32());
        Assert.Contains("already used with a different request", Assert.Single(body.ErrorDescriptions()), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(description + " changed"));
        Assert.Equal(1, await CountAsync(description));
    }

    [Fact]
    public async Task IdempotencyKey_SameFieldsOtherPhoto_Returns409()
    {
        var description = "Keyed photo " + Guid.NewGuid();
        var key = Guid.NewGuid().ToString();
        MultipartFormDataContent WithPhoto(byte[] photo) => new()
        {
            { new StringContent(Open311AppFactory.ApiKey), "api_key" },
            { new StringContent("POTHOLE"), "service_code" },
            { new StringContent("37.76"), "lat" },
            { new StringContent("-122.42"), "long" },
            { new StringContent("large"), "attribute[SIZE]" },
            { new StringContent(description), "description" },
            { new ByteArrayContent(photo), "media", "photo.png" },
        };

        using var first = await PostAsync(WithPhoto(Png), key, "xml");
        using var repeated = await PostAsync(WithPhoto(Png), key, "xml");
        using var otherPhoto = await PostAsync(WithPhoto([.. Png, 0]), key, "xml");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await repeated.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Conflict, otherPhoto.StatusCode);
        Assert.Contains("<code>409</code>", await otherPhoto.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await CountAsync(description));
    }

    [Fact]
    public async Task IdempotencyKey_TwoApiKeys_Independent()
    {
        var otherKey = await NewApiKeyAsync("second client");
        var description = "Shared idempotency key " + Guid.NewGuid();
        var key = Guid.NewGuid().ToString();

        using var first = await PostAsync(Form(Pothole(description)), key);
        using var second = await PostAsync(Form(Pothole(description, otherKey)), key);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.NotEqual(
            (await first.ReadJsonAsync())[0].GetProperty("service_request_id").GetString(),
            (await second.ReadJsonAsync())[0].GetProperty("service_request_id").GetString());
        Assert.Equal(2, await CountAsync(description));
    }

    [Fact]
    public async Task IdempotencyKey_FailedRequest_KeyStaysFree()
    {
        var description = "Fixed after an error " + Guid.NewGuid();
        var key = Guid.NewGuid().ToString();

        using var rejected = await PostAsync(Form(("api_key", Open311AppFactory.ApiKey), ("service_code", "POTHOLE"), ("lat", "37.76"), ("long", "-122.42"), ("description", description)), key);
        using var fixedRequest = await PostAsync(Form(Pothole(description)), key);

        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Equal(HttpStatusCode.OK, fixedRequest.StatusCode);
        Assert.Equal(1, await CountAsync(description));
    }

    [Theory]
    [InlineData("has space", 1)]
    [InlineData("k", 256)]
    public async Task IdempotencyKey_Invalid_Returns400NamingHeader(string part, int repeat)
    {
        var key = string.Concat(Enumerable.Repeat(part, repeat));
        var description = "Bad key " + Guid.NewGuid();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json") { Content = Form(Pothole(description)) };
        request.Headers.TryAddWithoutValidation("Idempotency-Key", key);

        using var response = await _client.SendAsync(request);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Idempotency-Key", Assert.Single(body.ErrorDescriptions()), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(description));
    }

    [Fact]
    public async Task Attributes_ListOrder_KeptInRowAndReadBack()
    {
        using var response = await PostAsync(Form(
            ("api_key", Open311AppFactory.ApiKey), ("service_code", "POTHOLE"), ("lat", "37.76"), ("long", "-122.42"),
            ("attribute[ITEMS][]", "water"), ("attribute[SIZE]", "large"), ("attribute[ITEMS][]", "cone")));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var id = JsonDocument.Parse(text).RootElement[0].GetProperty("service_request_id").GetString()!;

        var stored = await StoredAsync(id);
        var (readBack, body) = await _client.GetJsonAsync($"/open311/v2/requests/{id}.json?extensions=true");

        Assert.Equal(["water", "cone"], stored.Attributes["ITEMS"]);
        Assert.Equal(["large"], stored.Attributes["SIZE"]);
        Assert.Equal(HttpStatusCode.OK, readBack.StatusCode);
        var answers = body[0].GetProperty("extended_attributes").GetProperty("attributes").EnumerateArray()
            .ToDictionary(answer => answer.GetProperty("code").GetString()!, answer => answer.GetProperty("values").EnumerateArray().Select(value => value.GetString()!).ToArray());
        Assert.Equal(["water", "cone"], answers["ITEMS"]);
    }

    [Fact]
    public async Task Attributes_MalformedKey_Returns400NamingKey()
    {
        var description = "Malformed attribute " + Guid.NewGuid();

        using var response = await PostAsync(Form([.. Pothole(description), ("attribute[SIZE", "large")]));
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'attribute[SIZE'", Assert.Single(body.ErrorDescriptions()), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(description));
    }

    [Fact]
    public async Task Media_Png_StoredAndServedFromMediaUrl()
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Open311AppFactory.ApiKey), "api_key" },
            { new StringContent("POTHOLE"), "service_code" },
            { new StringContent("37.76"), "lat" },
            { new StringContent("-122.42"), "long" },
            { new StringContent("large"), "attribute[SIZE]" },
        };
        var file = new ByteArrayContent(Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(file, "media", "photo.bin");

        using var response = await PostAsync(content);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var id = JsonDocument.Parse(text).RootElement[0].GetProperty("service_request_id").GetString()!;

        var (_, body) = await _client.GetJsonAsync($"/open311/v2/requests/{id}.json");
        var mediaUrl = new Uri(body[0].GetProperty("media_url").GetString()!);
        using var image = await _client.GetAsync(mediaUrl.PathAndQuery);

        Assert.StartsWith("/media/", mediaUrl.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(mediaUrl.ToString(), (await StoredAsync(id)).MediaUrl);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Png, await image.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task Media_TextNamedPng_Returns400AndKeepsNothing()
    {
        var description = "Text as photo " + Guid.NewGuid();
        var filesBefore = MediaFiles(factory.MediaFolder);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Open311AppFactory.ApiKey), "api_key" },
            { new StringContent("POTHOLE"), "service_code" },
            { new StringContent("37.76"), "lat" },
            { new StringContent("-122.42"), "long" },
            { new StringContent("large"), "attribute[SIZE]" },
            { new StringContent(description), "description" },
        };
        var file = new ByteArrayContent("This is not a picture."u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        content.Add(file, "media", "photo.png");

        using var response = await PostAsync(content, format: "xml");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single(System.Xml.Linq.XDocument.Parse(text).Root!.Elements("error"));
        Assert.StartsWith("media ", error.Element("description")!.Value, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(description));
        Assert.Equal(filesBefore, MediaFiles(factory.MediaFolder));
    }

    [Fact]
    public async Task Media_FailedSubmission_DeletesSavedPhoto()
    {
        var description = "Photo without location " + Guid.NewGuid();
        var filesBefore = MediaFiles(factory.MediaFolder);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Open311AppFactory.ApiKey), "api_key" },
            { new StringContent("POTHOLE"), "service_code" },
            { new StringContent(description), "description" },
            { new ByteArrayContent(Png), "media", "photo.png" },
        };

        using var response = await PostAsync(content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await CountAsync(description));
        Assert.Equal(filesBefore, MediaFiles(factory.MediaFolder));
    }

    [Fact]
    public async Task Media_FileAndMediaUrl_Returns400NamingBoth()
    {
        var description = "Two photos " + Guid.NewGuid();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Open311AppFactory.ApiKey), "api_key" },
            { new StringContent("POTHOLE"), "service_code" },
            { new StringContent("37.76"), "lat" },
            { new StringContent("-122.42"), "long" },
            { new StringContent(description), "description" },
            { new StringContent("https://example.org/photo.jpg"), "media_url" },
            { new ByteArrayContent(Png), "media", "photo.png" },
        };

        using var response = await PostAsync(content);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var message = Assert.Single(body.ErrorDescriptions());
        Assert.Contains("media_url", message, StringComparison.Ordinal);
        Assert.Contains("media", message.Replace("media_url", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(description));
    }

    [Theory]
    [InlineData("91", "10", "lat")]
    [InlineData("37.77", null, "long")]
    [InlineData("-122.42", "37.76", "lat")]
    public async Task Location_Bad_Returns400AndStoresNothing(string lat, string? longitude, string field)
    {
        var description = "Bad location " + Guid.NewGuid();
        var fields = new List<(string, string)> { ("api_key", Open311AppFactory.ApiKey), ("service_code", "POTHOLE"), ("attribute[SIZE]", "large"), ("description", description), ("lat", lat) };
        if (longitude is not null)
        {
            fields.Add(("long", longitude));
        }

        using var response = await PostAsync(Form([.. fields]));
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(body.ErrorDescriptions(), message => message.Contains(field, StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync(description));
    }

    [Fact]
    public async Task Location_Valid_ReadsBackExactly()
    {
        using var response = await PostAsync(Form(
            ("api_key", Open311AppFactory.ApiKey), ("service_code", "POTHOLE"), ("lat", "37.7612345"), ("long", "-122.4198765"), ("attribute[SIZE]", "small")));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var id = JsonDocument.Parse(text).RootElement[0].GetProperty("service_request_id").GetString()!;

        var stored = await StoredAsync(id);
        var (_, body) = await _client.GetJsonAsync($"/open311/v2/requests/{id}.json");

        Assert.Equal(37.7612345, stored.Location!.Y);
        Assert.Equal(-122.4198765, stored.Location.X);
        Assert.Equal(37.7612345, body[0].GetProperty("lat").GetDouble());
        Assert.Equal(-122.4198765, body[0].GetProperty("long").GetDouble());
    }

    [Fact]
    public async Task Attributes_TwoValuesForSingleAndUnknownKey_Return400NamingCodes()
    {
        var description = "Bad answers " + Guid.NewGuid();

        using var response = await PostAsync(Form(
            [.. Pothole(description), ("attribute[SIZE]", "small"), ("attribute[ITEMS][]", "boat")]));
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = body.ErrorDescriptions();
        Assert.Contains(messages, message => message.Contains("attribute[SIZE]", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.Contains("attribute[ITEMS]", StringComparison.Ordinal) && message.Contains("boat", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync(description));
    }

    [Fact]
    public async Task RequiredAttributeAndLocationMissing_OneReplyListingBoth()
    {
        var description = "Two problems " + Guid.NewGuid();

        using var response = await PostAsync(Form(("api_key", Open311AppFactory.ApiKey), ("service_code", "POTHOLE"), ("description", description)));
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var messages = body.ErrorDescriptions();
        Assert.True(messages.Length >= 2, string.Join(" | ", messages));
        Assert.Contains(messages, message => message.Contains("attribute[SIZE]", StringComparison.Ordinal));
        Assert.Contains(messages, message => message.Contains("lat", StringComparison.Ordinal) || message.Contains("address", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync(description));
    }

    [Fact]
    public async Task NoContactOrDescription_Succeeds()
    {
        using var response = await PostAsync(Form(("api_key", Open311AppFactory.ApiKey), ("service_code", "POTHOLE"), ("lat", "37.76"), ("long", "-122.42"), ("attribute[SIZE]", "small")));
        var text = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, text);
        var stored = await StoredAsync(JsonDocument.Parse(text).RootElement[0].GetProperty("service_request_id").GetString()!);
        Assert.Null(stored.Description);
        Assert.Null(stored.Email);
        Assert.Equal(RequestChannels.Api, stored.Channel);
    }

    [Fact]
    public async Task RealtimeThenBatch_IdThenTokenThatResolves()
    {
        using var realtime = await PostAsync(Form(("api_key", Open311AppFactory.ApiKey), ("service_code", "POTHOLE"), ("lat", "37.76"), ("long", "-122.42"), ("attribute[SIZE]", "small")));
        using var batch = await PostAsync(Form(("api_key", Open311AppFactory.ApiKey), ("service_code", "GRAFFITI"), ("lat", "37.76"), ("long", "-122.42")));
        var realtimeItem = (await realtime.ReadJsonAsync())[0];
        var batchText = await batch.Content.ReadAsStringAsync();
        Assert.True(batch.StatusCode == HttpStatusCode.OK, batchText);
        var batchItem = JsonDocument.Parse(batchText).RootElement[0];

        Assert.Equal(HttpStatusCode.OK, realtime.StatusCode);
        Assert.False(realtimeItem.TryGetProperty("token", out _));
        Assert.NotNull(await StoredAsync(realtimeItem.GetProperty("service_request_id").GetString()!));
        Assert.False(batchItem.TryGetProperty("service_request_id", out _));
        var token = batchItem.GetProperty("token").GetString()!;
        var stored = await factory.WithDbAsync(db => db.ServiceRequests.AsNoTracking().SingleAsync(request => request.Token == token));
        var (tokenResponse, tokenBody) = await _client.GetJsonAsync($"/open311/v2/tokens/{token}.json");
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        Assert.Equal(token, tokenBody[0].GetProperty("token").GetString());
        Assert.Equal(stored.PublicId, tokenBody[0].GetProperty("service_request_id").GetString());
    }

    [Fact]
    public async Task Description_4000StoredWhole_4001Rejected()
    {
        var prefix = Guid.NewGuid().ToString();
        var longest = prefix + new string('d', 4000 - prefix.Length);

        using var accepted = await PostAsync(Form(Pothole(longest)));
        using var rejected = await PostAsync(Form(Pothole(longest + "d")));
        var rejectedBody = await rejected.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(1, await CountAsync(longest));
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Contains(rejectedBody.ErrorDescriptions(), message => message.Contains("description", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync(longest + "d"));
    }
}
