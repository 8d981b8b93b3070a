using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311.Data.ApiKeys;
using Open311.Domain.Requests;
using Open311.Domain.Submission;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.GeoReport;

/// <summary>POST requests at the HTTP level: API keys, reply shapes per service type, error lists and body limits.</summary>
public sealed class PostRequestsTests(PostApiAppFactory factory) : IClassFixture<PostApiAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(field => new KeyValuePair<string, string>(field.Name, field.Value)));

    private Task<int> CountRequestsAsync() => factory.WithDbAsync(db => db.ServiceRequests.CountAsync());

    private Task<int> ServiceIdAsync(string code) =>
        factory.WithDbAsync(db => db.Services.Where(service => service.JurisdictionId == ApiTestData.JurisdictionId && service.Code == code).Select(service => service.Id).SingleAsync());

    private void RespondWith(int serviceId, string publicId, string? token = null) =>
        factory.Submitter.Respond = input => new SubmissionResult(
            new ServiceRequest(ApiTestData.JurisdictionId, serviceId, ApiTestData.Now, RequestChannels.Api)
            {
                PublicId = publicId,
                Token = token,
                ServiceNotice = "Thank you",
                AccountId = input.AccountId,
            },
            []);

    [Fact]
    public async Task Key_MissingOrInvalid_Returns403()
    {
        var revoked = await factory.WithDbAsync(async db =>
        {
            var store = new ApiKeyStore(db, TimeProvider.System);
            var (key, value) = await store.CreateAsync("old client");
            await store.RevokeAsync(key.Id);
            return value;
        });
        var before = await CountRequestsAsync();
        var callsBefore = factory.Submitter.Calls.Count;

        foreach (var key in new[] { null, "", "not-a-real-key", revoked })
        {
            var fields = new List<(string, string)> { ("service_code", "POTHOLE"), ("lat", "37.76"), ("long", "-122.42") };
            if (key is not null)
            {
                fields.Add(("api_key", key));
            }

            using var response = await _client.PostAsync("/open311/v2/requests.json", Form([.. fields]));
            var text = await response.Content.ReadAsStringAsync();

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Contains("\"code\": 403", text, StringComparison.Ordinal);
            Assert.Contains("api_key", text, StringComparison.Ordinal);
            if (!string.IsNullOrEmpty(key))
            {
                Assert.DoesNotContain(key, text, StringComparison.Ordinal);
            }
        }

        Assert.Equal(before, await CountRequestsAsync());
        Assert.Equal(callsBefore, factory.Submitter.Calls.Count);
    }

    [Fact]
    public async Task Key_InQueryString_NeverLogged()
    {
        RespondWith(await ServiceIdAsync("STREETLIGHT"), "20000009");

        using var accepted = await _client.PostAsync($"/open311/v2/requests.json?api_key={Open311AppFactory.ApiKey}&service_code=STREETLIGHT", content: null);
        using var rejected = await _client.PostAsync("/open311/v2/requests.json?api_key=leaked-secret-value&service_code=STREETLIGHT", content: null);

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, rejected.StatusCode);
        Assert.NotEmpty(factory.Logs.Messages);
        Assert.DoesNotContain(factory.Logs.Messages, message => message.Contains(Open311AppFactory.ApiKey, StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Messages, message => message.Contains("leaked-secret-value", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Key_WrongBearer_Returns403Xml()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.xml") { Content = Form(("service_code", "POTHOLE")) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "wrong-key");

        using var response = await _client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("<code>403</code>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-key", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Realtime_BearerKey_ReturnsIdWithoutToken()
    {
        RespondWith(await ServiceIdAsync("POTHOLE"), "20000001");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json")
        {
            Content = Form(("service_code", "POTHOLE"), ("lat", "37.76"), ("long", "-122.42"), ("account_id", "acct-7")),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Open311AppFactory.ApiKey);

        using var response = await _client.SendAsync(request);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Assert.Single(body.EnumerateArray());
        Assert.Equal("20000001", item.GetProperty("service_request_id").GetString());
        Assert.Equal("Thank you", item.GetProperty("service_notice").GetString());
        Assert.Equal("acct-7", item.GetProperty("account_id").GetString());
        Assert.False(item.TryGetProperty("token", out _));
        var (input, context) = factory.Submitter.Calls[^1];
        Assert.Equal("37.76", input.Lat);
        Assert.Equal(RequestChannels.Api, context.Channel);
        Assert.NotNull(context.ApiKeyId);
    }

    [Fact]
    public async Task Batch_FormKey_ReturnsTokenWithoutId()
    {
        RespondWith(await ServiceIdAsync("GRAFFITI"), "20000002", token: "tok-new");

        using var response = await _client.PostAsync("/open311/v2/requests.xml",
            Form(("api_key", Open311AppFactory.ApiKey), ("service_code", "GRAFFITI"), ("address_string", "Valencia St")));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<token>tok-new</token>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("service_request_id", text, StringComparison.Ordinal);
        Assert.Equal("Valencia St", factory.Submitter.Calls[^1].Input.AddressString);
    }

    [Fact]
    public async Task Blackbox_QueryString_ReturnsNoIdOrToken()
    {
        RespondWith(await ServiceIdAsync("STREETLIGHT"), "20000003");

        using var response = await _client.PostAsync(
            $"/open311/v2/requests.json?api_key={Open311AppFactory.ApiKey}&service_code=STREETLIGHT&lat=37.8&long=-122.41", content: null);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var item = Assert.Single(body.EnumerateArray());
        Assert.False(item.TryGetProperty("service_request_id", out _));
        Assert.False(item.TryGetProperty("token", out _));
        Assert.Equal("Thank you", item.GetProperty("service_notice").GetString());
        Assert.Equal("STREETLIGHT", factory.Submitter.Calls[^1].Input.ServiceCode);
    }

    [Theory]
    [InlineData("POTHOLE", null, "xml", "post_realtime.xml")]
    [InlineData("POTHOLE", null, "json", "post_realtime.json")]
    [InlineData("GRAFFITI", "tok-golden", "xml", "post_batch.xml")]
    [InlineData("GRAFFITI", "tok-golden", "json", "post_batch.json")]
    [InlineData("STREETLIGHT", null, "xml", "post_blackbox.xml")]
    [InlineData("STREETLIGHT", null, "json", "post_blackbox.json")]
    public async Task Post_EachServiceType_MatchesGoldenBody(string code, string? token, string format, string goldenFile)
    {
        RespondWith(await ServiceIdAsync(code), "20000100", token);

        using var response = await _client.PostAsync($"/open311/v2/requests.{format}",
            Form(("api_key", Open311AppFactory.ApiKey), ("service_code", code), ("lat", "37.76"), ("long", "-122.42"), ("account_id", "acct-42")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Golden.AssertMatches(goldenFile, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Attributes_ListAndSingle_ReachSubmitterInOrder()
    {
        RespondWith(await ServiceIdAsync("POTHOLE"), "20000004");

        using var response = await _client.PostAsync("/open311/v2/requests.json", Form(
            ("api_key", Open311AppFactory.ApiKey), ("service_code", "POTHOLE"), ("lat", "37.76"), ("long", "-122.42"),
            ("attribute[ITEMS][]", "water"), ("attribute[SIZE]", "large"), ("attribute[ITEMS][]", "cone")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var attributes = factory.Submitter.Calls[^1].Input.Attributes;
        Assert.Equal(["water", "cone"], attributes["ITEMS"]);
        Assert.Equal(["large"], attributes["SIZE"]);
    }

    [Fact]
    public async Task Multipart_Fields_ReadLikeForm()
    {
        RespondWith(await ServiceIdAsync("POTHOLE"), "20000005");
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Open311AppFactory.ApiKey), "api_key" },
            { new StringContent("POTHOLE"), "service_code" },
            { new StringContent("Deep hole"), "description" },
            { new StringContent("small"), "attribute[SIZE]" },
        };

        using var response = await _client.PostAsync("/open311/v2/requests.json", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var input = factory.Submitter.Calls[^1].Input;
        Assert.Equal("Deep hole", input.Description);
        Assert.Equal(["small"], input.Attributes["SIZE"]);
    }

    [Fact]
    public async Task SubmissionErrors_Several_OneReplyListingEach()
    {
        factory.Submitter.Respond = _ => new SubmissionResult(null,
        [
            new SubmissionError("attribute[SIZE]", "Missing attribute[SIZE]: the SIZE question is required."),
            new SubmissionError("lat", "Missing location: send coordinates or an address."),
        ]);

        using var response = await _client.PostAsync("/open311/v2/requests.xml", Form(("api_key", Open311AppFactory.ApiKey), ("service_code", "POTHOLE")));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = System.Xml.Linq.XDocument.Parse(text).Root!.Elements("error").ToList();
        Assert.Equal(2, errors.Count);
        Assert.Equal("Missing attribute[SIZE]: the SIZE question is required.", errors[0].Element("description")!.Value);
        Assert.Equal("lat: Missing location: send coordinates or an address.", errors[1].Element("description")!.Value);
    }

    [Fact]
    public async Task SubmissionErrors_UnknownService_Returns404()
    {
        factory.Submitter.Respond = input => new SubmissionResult(null,
            [new SubmissionError("service_code", $"Unknown service_code '{input.ServiceCode}'.", SubmissionErrorKind.NotFound)]);

        using var response = await _client.PostAsync("/open311/v2/requests.json", Form(("api_key", Open311AppFactory.ApiKey), ("service_code", "NOPE")));
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, body[0].GetProperty("code").GetInt32());
        Assert.Equal("Unknown service_code 'NOPE'.", body[0].GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("description", "bad\u0002text", "Invalid description: it contains a control character")]
    [InlineData("description", "bad\u0000text", "Invalid request body: the form could not be decoded")]
    [InlineData("attribute[LANE]", "left\u0001", "Invalid attribute[LANE]: it contains a control character")]
    public async Task Fields_ControlCharacter_Returns400BeforeSubmitting(string name, string value, string expected)
    {
        var calls = factory.Submitter.Calls.Count;

        using var response = await _client.PostAsync("/open311/v2/requests.json",
            Form(("api_key", Open311AppFactory.ApiKey), ("service_code", "POTHOLE"), (name, value)));
        var text = await response.Content.ReadAsStringAsync();
        var body = System.Text.Json.JsonDocument.Parse(text).RootElement;

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, text);
        Assert.StartsWith(expected, Assert.Single(body.ErrorDescriptions()), StringComparison.Ordinal);
        Assert.Equal(calls, factory.Submitter.Calls.Count);
    }

    [Fact]
    public async Task Fields_NulInQueryString_Returns400NamingField()
    {
        using var response = await _client.PostAsync($"/open311/v2/requests.json?api_key={Open311AppFactory.ApiKey}&service_code=POTHOLE&description=a%00b", content: null);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith("Invalid description: it contains a control character", Assert.Single(body.ErrorDescriptions()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fields_SentTwice_Returns400NamingField()
    {
        using var response = await _client.PostAsync("/open311/v2/requests.json",
            Form(("api_key", Open311AppFactory.ApiKey), ("service_code", "POTHOLE"), ("lat", "1"), ("lat", "2"), ("attribute[bad", "x")));
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(
            ["Invalid lat: it was sent 2 times. Send it once.", "Malformed attribute field 'attribute[bad'. Send attribute[CODE]=value, or attribute[CODE][]=value once per value of a multi-value list."],
            body.ErrorDescriptions());
    }

    [Fact]
    public async Task Body_TenMegabyteForm_Returns413ErrorList()
    {
        var before = await CountRequestsAsync();
        using var content = Form(("api_key", Open311AppFactory.ApiKey), ("service_code", "POTHOLE"), ("description", new string('a', 10 * 1024 * 1024)));

        using var response = await _client.PostAsync("/open311/v2/requests.json", content);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, body[0].GetProperty("code").GetInt32());
        Assert.Contains("too large", body[0].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, await CountRequestsAsync());
    }

    [Fact]
    public async Task Body_TenMegabyteMultipart_Returns413XmlErrorList()
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Open311AppFactory.ApiKey), "api_key" },
            { new ByteArrayContent(new byte[10 * 1024 * 1024]), "media", "photo.jpg" },
        };

        using var response = await _client.PostAsync("/open311/v2/requests.xml", content);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("<code>413</code>", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_StreamedWithoutLength_Returns413()
    {
        var payload = "api_key=" + Open311AppFactory.ApiKey + "&description=" + new string('a', 2 * 1024 * 1024);
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(payload)));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/open311/v2/requests.json") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await _client.SendAsync(request);
        var body = await response.ReadJsonAsync();

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(413, body[0].GetProperty("code").GetInt32());
    }
}
