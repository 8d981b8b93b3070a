using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Open311.Data.ApiKeys;
using Open311.Data.Idempotency;
using Open311.Domain.Requests;
using Open311.Domain.Submission;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Submission;

public sealed class IdempotencyStoreTests(Open311AppFactory factory) : IClassFixture<Open311AppFactory>, IAsyncLifetime
{
    private static readonly byte[] HashA = IdempotencyStore.HashRequest("/open311/v2/requests.json", [KeyValuePair.Create("service_code", (string?)"A")]);
    private static readonly byte[] HashB = IdempotencyStore.HashRequest("/open311/v2/requests.json", [KeyValuePair.Create("service_code", (string?)"B")]);
    private static readonly IdempotentReply Reply = new(200, """[{"service_request_id":"20000001"}]""", "application/json; charset=utf-8");

    private long _apiKeyId;

    public async Task InitializeAsync()
    {
        await SubmissionSeed.EnsureAsync(factory);
        _apiKeyId = await factory.WithDbAsync(db => db.ApiKeys.Select(key => key.Id).FirstAsync());
    }

    public Task DisposeAsync() => Task.CompletedTask;

    private IdempotencyStore Store(TimeProvider? clock = null) =>
        clock is null
            ? factory.Services.GetRequiredService<IdempotencyStore>()
            : new IdempotencyStore(factory.Services.GetRequiredService<NpgsqlDataSource>(), clock);

    private static string NewKey() => Guid.NewGuid().ToString();

    [Fact]
    public async Task Begin_NewKey_Reserves()
    {
        var begin = await Store().TryBeginAsync(NewKey(), _apiKeyId, HashA);

        Assert.Equal(IdempotencyOutcome.Reserved, begin.Outcome);
        Assert.True(begin.ReservationId > 0);
        Assert.Null(begin.Reply);
    }

    [Fact]
    public async Task Begin_CompletedKeySameBody_ReplaysReply()
    {
        var key = NewKey();
        var first = await Store().TryBeginAsync(key, _apiKeyId, HashA);
        await Store().CompleteAsync(first.ReservationId, Reply);

        var retry = await Store().TryBeginAsync(key, _apiKeyId, HashA);

        Assert.Equal(IdempotencyOutcome.Replay, retry.Outcome);
        Assert.Equal(Reply, retry.Reply);
    }

    [Fact]
    public async Task Begin_CompletedKeyOtherBody_Conflicts()
    {
        var key = NewKey();
        var first = await Store().TryBeginAsync(key, _apiKeyId, HashA);
        await Store().CompleteAsync(first.ReservationId, Reply);

        var other = await Store().TryBeginAsync(key, _apiKeyId, HashB);

        Assert.Equal(IdempotencyOutcome.Conflict, other.Outcome);
        Assert.Null(other.Reply);
    }

    [Fact]
    public async Task Begin_KeyBeingHandled_IsInProgress()
    {
        var key = NewKey();
        await Store().TryBeginAsync(key, _apiKeyId, HashA);

        var second = await Store().TryBeginAsync(key, _apiKeyId, HashA);

        Assert.Equal(IdempotencyOutcome.InProgress, second.Outcome);
    }

    [Fact]
    public async Task Begin_ReleasedKey_ReservesAgain()
    {
        var key = NewKey();
        var first = await Store().TryBeginAsync(key, _apiKeyId, HashA);
        await Store().ReleaseAsync(first.ReservationId);

        var second = await Store().TryBeginAsync(key, _apiKeyId, HashB);

        Assert.Equal(IdempotencyOutcome.Reserved, second.Outcome);
    }

    [Fact]
    public async Task Begin_SameKeyOtherApiKey_IsIndependent()
    {
        var key = NewKey();
        var otherApiKeyId = await factory.WithDbAsync(async db =>
        {
            var store = new ApiKeyStore(db, TimeProvider.System);
            return (await store.CreateAsync("other idempotency client")).Key.Id;
        });
        var first = await Store().TryBeginAsync(key, _apiKeyId, HashA);
        await Store().CompleteAsync(first.ReservationId, Reply);

        var other = await Store().TryBeginAsync(key, otherApiKeyId, HashB);

        Assert.Equal(IdempotencyOutcome.Reserved, other.Outcome);
    }

    [Fact]
    public async Task Begin_ConcurrentDuplicates_ReserveOnce()
    {
        var key = NewKey();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => Store().TryBeginAsync(key, _apiKeyId, HashA))));

        Assert.Single(outcomes, begin => begin.Outcome == IdempotencyOutcome.Reserved);
        Assert.All(outcomes.Where(begin => begin.Outcome != IdempotencyOutcome.Reserved),
            begin => Assert.Equal(IdempotencyOutcome.InProgress, begin.Outcome));
    }

    [Fact]
    public async Task Begin_AfterLifetime_ReservesAgain()
    {
        var key = NewKey();
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        var first = await Store(clock).TryBeginAsync(key, _apiKeyId, HashA);
        await Store(clock).CompleteAsync(first.ReservationId, Reply);

        clock.Now += IdempotencyStore.Lifetime - TimeSpan.FromMinutes(1);
        var withinLifetime = await Store(clock).TryBeginAsync(key, _apiKeyId, HashB);
        clock.Now += TimeSpan.FromMinutes(2);
        var afterLifetime = await Store(clock).TryBeginAsync(key, _apiKeyId, HashB);

        Assert.Equal(IdempotencyOutcome.Conflict, withinLifetime.Outcome);
        Assert.Equal(IdempotencyOutcome.Reserved, afterLifetime.Outcome);
    }

    [Fact]
    public async Task Begin_AbandonedReservation_ReservesAgain()
    {
        var key = NewKey();
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        await Store(clock).TryBeginAsync(key, _apiKeyId, HashA);

        clock.Now += IdempotencyStore.AbandonedAfter + TimeSpan.FromSeconds(1);
        var retry = await Store(clock).TryBeginAsync(key, _apiKeyId, HashA);

        Assert.Equal(IdempotencyOutcome.Reserved, retry.Outcome);
    }

    [Fact]
    public async Task PurgeExpired_DeletesOnlyOldKeys()
    {
        var clock = new MovableClock(DateTimeOffset.UtcNow.AddDays(-2));
        var oldKey = NewKey();
        await Store(clock).TryBeginAsync(oldKey, _apiKeyId, HashA);
        clock.Now = DateTimeOffset.UtcNow;
        var freshKey = NewKey();
        await Store(clock).TryBeginAsync(freshKey, _apiKeyId, HashA);

        var deleted = await Store(clock).PurgeExpiredAsync();

        Assert.True(deleted >= 1);
        var remaining = await factory.WithDbAsync(db => db.Database
            .SqlQueryRaw<string>("SELECT key AS \"Value\" FROM idempotency_keys").ToListAsync());
        Assert.DoesNotContain(oldKey, remaining);
        Assert.Contains(freshKey, remaining);
    }

    [Fact]
    public async Task RetriedSubmission_StoresOneRequest()
    {
        var key = NewKey();
        var input = new NewServiceRequest { ServiceCode = SubmissionSeed.Bulk, AddressString = "Idempotent Street 1" };
        var hash = IdempotencyStore.HashRequest("/open311/v2/requests.json",
            [KeyValuePair.Create("service_code", (string?)input.ServiceCode), KeyValuePair.Create("address_string", (string?)input.AddressString)]);

        var replies = new List<IdempotentReply>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var begin = await Store().TryBeginAsync(key, _apiKeyId, hash);
            if (begin.Outcome == IdempotencyOutcome.Replay)
            {
                replies.Add(begin.Reply!);
                continue;
            }

            Assert.Equal(IdempotencyOutcome.Reserved, begin.Outcome);
            await using var scope = factory.Services.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<IServiceRequestSubmitter>()
                .SubmitAsync(input, new SubmissionContext(RequestChannels.Api, "api") { ApiKeyId = _apiKeyId });
            var reply = new IdempotentReply(200, $"[{{\"token\":\"{result.Request!.Token}\"}}]", "application/json; charset=utf-8");
            await Store().CompleteAsync(begin.ReservationId, reply);
            replies.Add(reply);
        }

        Assert.Equal(replies[0], replies[1]);
        Assert.Equal(1, await factory.WithDbAsync(db => db.ServiceRequests.CountAsync(request => request.Address == "Idempotent Street 1")));
    }

    [Fact]
    public void HashRequest_FieldOrder_DoesNotMatter()
    {
        var first = IdempotencyStore.HashRequest("/p", [KeyValuePair.Create("a", (string?)"1"), KeyValuePair.Create("b", (string?)"2")]);
        var second = IdempotencyStore.HashRequest("/p", [KeyValuePair.Create("b", (string?)"2"), KeyValuePair.Create("a", (string?)"1")]);

        Assert.Equal(first, second);
    }

    [Fact]
    public void HashRequest_ApiKey_IsIgnored()
    {
        var first = IdempotencyStore.HashRequest("/p", [KeyValuePair.Create("a", (string?)"1"), KeyValuePair.Create("api_key", (string?)"one")]);
        var second = IdempotencyStore.HashRequest("/p", [KeyValuePair.Create("a", (string?)"1"), KeyValuePair.Create("api_key", (string?)"two")]);

        Assert.Equal(first, second);
    }

    [Fact]
    public void HashRequest_ValueOrderWithinField_Matters()
    {
        var first = IdempotencyStore.HashRequest("/p", [KeyValuePair.Create("x[]", (string?)"1"), KeyValuePair.Create("x[]", (string?)"2")]);
        var second = IdempotencyStore.HashRequest("/p", [KeyValuePair.Create("x[]", (string?)"2"), KeyValuePair.Create("x[]", (string?)"1")]);

        Assert.NotEqual(first, second);
    }

    [Fact]
    public void HashRequest_ShiftedBoundaries_Differ()
    {
        var first = IdempotencyStore.HashRequest("/p", [KeyValuePair.Create("ab", (string?)"c")]);
        var second = IdempotencyStore.HashRequest("/p", [KeyValuePair.Create("a", (string?)"bc")]);

        Assert.NotEqual(first, second);
    }

    [Theory]
    [InlineData("3f2b8c1e-7a4d-4c8e-9b1a-2d6f0e5c7a91", true)]
    [InlineData("retry_42", true)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("caf\u00e9", false)]
    [InlineData("nul\0", false)]
    public void ValidateKey_ChecksCharacters(string key, bool valid)
    {
        var error = IdempotencyStore.ValidateKey(key);

        Assert.Equal(valid, error is null);
    }

    [Fact]
    public void ValidateKey_TooLong_IsRejected()
    {
        Assert.Null(IdempotencyStore.ValidateKey(new string('k', IdempotencyStore.MaxKeyLength)));
        Assert.Contains("255", IdempotencyStore.ValidateKey(new string('k', IdempotencyStore.MaxKeyLength + 1)), StringComparison.Ordinal);
    }

    private sealed class MovableClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
