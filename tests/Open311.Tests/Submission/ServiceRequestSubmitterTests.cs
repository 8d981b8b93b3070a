using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311.Data;
using Open311.Domain.Requests;
using Open311.Domain.Submission;
using Open311.Tests.Infrastructure;

namespace Open311.Tests.Submission;

public sealed partial class ServiceRequestSubmitterTests(Open311AppFactory factory) : IClassFixture<Open311AppFactory>, IAsyncLifetime
{
    private static readonly SubmissionContext ApiContext = new(RequestChannels.Api, "api") { ApiKeyId = null };

    public Task InitializeAsync() => SubmissionSeed.EnsureAsync(factory);

    public Task DisposeAsync() => Task.CompletedTask;

    private static NewServiceRequest Street(string? side = "North") => new()
    {
        ServiceCode = SubmissionSeed.Street,
        Lat = SubmissionSeed.InsideLat,
        Long = SubmissionSeed.InsideLong,
        Attributes = side is null
            ? new Dictionary<string, IReadOnlyList<string>>()
            : new Dictionary<string, IReadOnlyList<string>> { ["SIDE"] = [side] },
    };

    private async Task<SubmissionResult> SubmitAsync(NewServiceRequest input, SubmissionContext? context = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var submitter = scope.ServiceProvider.GetRequiredService<IServiceRequestSubmitter>();
        return await submitter.SubmitAsync(input, context ?? ApiContext);
    }

    private async Task<IReadOnlyList<SubmissionResult>> SubmitAllAsync(IReadOnlyList<NewServiceRequest> inputs, SubmissionContext context)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var submitter = scope.ServiceProvider.GetRequiredService<IServiceRequestSubmitter>();
        return await submitter.SubmitAllAsync(inputs, context);
    }

    private Task<(int Requests, int Events)> CountRowsAsync() => factory.WithDbAsync(async db =>
        (await db.ServiceRequests.CountAsync(), await db.RequestEvents.CountAsync()));

    private Task<ServiceRequest> LoadAsync(long id) => factory.WithDbAsync(db =>
        db.ServiceRequests.AsNoTracking().Include(request => request.Events).Include(request => request.Service)
            .SingleAsync(request => request.Id == id));

    private async Task AssertRejectedAsync(NewServiceRequest input, string field, string messagePart)
    {
        var before = await CountRowsAsync();

        var result = await SubmitAsync(input);

        Assert.False(result.Succeeded);
        Assert.Null(result.Request);
        Assert.Contains(result.Errors, error => error.Field == field && error.Message.Contains(messagePart, StringComparison.Ordinal));
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task Submit_ValidRequest_StoresExactlyWhatWasSent()
    {
        var input = Street() with
        {
            Lat = "39.9525839",
            Long = "-75.1652215",
            AddressString = "1400 John F Kennedy Blvd",
            AddressId = "883309050",
            Zipcode = "19107",
            Email = "resident@example.org",
            DeviceId = "device-1",
            AccountId = "account-1",
            FirstName = "Ana",
            LastName = "Lopez",
            Phone = "+1 215 555 0100",
            Description = "<script>alert(1)</script> & \"quotes\"\r\nsecond line",
            MediaUrl = "https://example.org/photo.jpg",
            Attributes = new Dictionary<string, IReadOnlyList<string>>
            {
                ["SIDE"] = ["Mount Hope Cemetery [ Mattapan]"],
                ["ITEMS"] = ["c", "a", "b"],
                ["DEPTH"] = ["12.5"],
                ["SEEN AT"] = ["2014-04-30T14:51:52-07:00"],
            },
        };

        var result = await SubmitAsync(input, ApiContext with { ApiKeyId = 1 });

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var stored = await LoadAsync(result.Request!.Id);
        Assert.Equal(SubmissionSeed.Street, stored.Service!.Code);
        Assert.Equal(SubmissionSeed.JurisdictionId, stored.JurisdictionId);
        Assert.Equal(39.9525839, stored.Location!.Y);
        Assert.Equal(-75.1652215, stored.Location.X);
        Assert.Equal(4326, stored.Location.SRID);
        Assert.Equal(input.AddressString, stored.Address);
        Assert.Equal(input.AddressId, stored.AddressId);
        Assert.Equal(input.Zipcode, stored.Zipcode);
        Assert.Equal(input.Email, stored.Email);
        Assert.Equal(input.DeviceId, stored.DeviceId);
        Assert.Equal(input.AccountId, stored.AccountId);
        Assert.Equal(input.FirstName, stored.FirstName);
        Assert.Equal(input.LastName, stored.LastName);
        Assert.Equal(input.Phone, stored.Phone);
        Assert.Equal(input.Description, stored.Description);
        Assert.Equal(input.MediaUrl, stored.MediaUrl);
        Assert.Equal(RequestStatus.Open, stored.Status);
        Assert.Equal(RequestChannels.Api, stored.Channel);
        Assert.Equal(1, stored.ApiKeyId);
        Assert.Null(stored.Token);
        Assert.Matches("^[0-9]+$", stored.PublicId);
        Assert.Equal(["Mount Hope Cemetery [ Mattapan]"], stored.Attributes["SIDE"]);
        Assert.Equal(["c", "a", "b"], stored.Attributes["ITEMS"]);
        Assert.Equal(["12.5"], stored.Attributes["DEPTH"]);
        Assert.Equal(["2014-04-30T14:51:52-07:00"], stored.Attributes["SEEN AT"]);
        var opened = Assert.Single(stored.Events);
        Assert.Equal(RequestStatus.Open, opened.Status);
        Assert.Equal("api", opened.Actor);
        Assert.Equal(stored.RequestedAt, opened.OccurredAt);
    }

    [Fact]
    public async Task Submit_NoContactOrDescription_Succeeds()
    {
        var result = await SubmitAsync(Street());

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var stored = await LoadAsync(result.Request!.Id);
        Assert.Null(stored.Email);
        Assert.Null(stored.FirstName);
        Assert.Null(stored.Description);
    }

    [Fact]
    public async Task Submit_AddressOnly_StoresNoLocation()
    {
        var result = await SubmitAsync(Street() with { Lat = null, Long = null, AddressString = "City Hall" });

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        var stored = await LoadAsync(result.Request!.Id);
        Assert.Null(stored.Location);
        Assert.Equal("City Hall", stored.Address);
    }

    [Fact]
    public async Task Submit_LatOutOfRange_StoresNothing()
    {
        await AssertRejectedAsync(Street() with { Lat = "91", Long = "10" }, "lat", "out of range");
    }

    [Fact]
    public async Task Submit_LatWithoutLong_StoresNothing()
    {
        await AssertRejectedAsync(Street() with { Lat = "39.95", Long = null }, "long", "Missing long");
    }

    [Fact]
    public async Task Submit_SwappedCoordinates_IsOutsideServiceArea()
    {
        await AssertRejectedAsync(Street() with { Lat = SubmissionSeed.InsideLong, Long = SubmissionSeed.InsideLat }, "lat", "outside the service area");
    }

    [Fact]
    public async Task Submit_FarOutsideBoundary_StoresNothing()
    {
        await AssertRejectedAsync(Street() with { Lat = "51.5074", Long = "-0.1278" }, "lat", "outside the service area of Test City");
    }

    [Fact]
    public async Task Submit_JustOutsideBoundary_StoresNothing()
    {
        await AssertRejectedAsync(Street() with { Lat = "39.8699", Long = "-75.1" }, "lat", "outside the service area");
    }

    [Fact]
    public async Task Submit_PointOnBoundaryEdge_IsAccepted()
    {
        var result = await SubmitAsync(Street() with { Lat = "39.87", Long = "-75.1" });

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        Assert.Equal(SubmissionSeed.SouthEdgeLat, (await LoadAsync(result.Request!.Id)).Location!.Y);
    }

    [Fact]
    public async Task Submit_OutsideServiceArea_NamesService()
    {
        await AssertRejectedAsync(Street() with { ServiceCode = SubmissionSeed.Parks, Attributes = new Dictionary<string, IReadOnlyList<string>>() },
            "lat", "outside the area where 'Park maintenance' is offered");
    }

    [Fact]
    public async Task Submit_InsideServiceArea_IsAccepted()
    {
        var result = await SubmitAsync(new NewServiceRequest { ServiceCode = SubmissionSeed.Parks, Lat = "39.99", Long = "-75.2" });

        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
    }

    [Fact]
    public async Task Submit_MultiValueList_StoresValuesInOrder()
    {
        var input = Street() with
        {
            Attributes = new Dictionary<string, IReadOnlyList<string>> { ["SIDE"] = ["North"], ["ITEMS"] = ["b", "a"] },
        };

        var result = await SubmitAsync(input);

        Assert.Equal(["b", "a"], (await LoadAsync(result.Request!.Id)).Attributes["ITEMS"]);
    }

    [Fact]
    public async Task Submit_SecondSingleListValue_StoresNothing()
    {
        await AssertRejectedAsync(Street() with
        {
            Attributes = new Dictionary<string, IReadOnlyList<string>> { ["SIDE"] = ["North", "Fish & Chips"] },
        }, "attribute[SIDE]", "takes one value");
    }

    [Fact]
    public async Task Submit_KeyNotInList_StoresNothing()
    {
        await AssertRejectedAsync(Street(side: "East"), "attribute[SIDE]", "not one of its keys");
    }

    [Fact]
    public async Task Submit_MissingAttributeAndLocation_ReportsBoth()
    {
        var result = await SubmitAsync(Street(side: null) with { Lat = null, Long = null });

        Assert.Equal(["attribute[SIDE]", "lat"], result.Errors.Select(error => error.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Submit_Description4000_IsStoredWhole()
    {
        var description = string.Concat(Enumerable.Repeat("0123456789", 400));

        var result = await SubmitAsync(Street() with { Description = description });

        Assert.Equal(description, (await LoadAsync(result.Request!.Id)).Description);
    }

    [Fact]
    public async Task Submit_Description4001_StoresNothing()
    {
        await AssertRejectedAsync(Street() with { Description = new string('x', 4001) }, "description", "maximum is 4000");
    }

    [Fact]
    public async Task Submit_NulInDescription_StoresNothing()
    {
        await AssertRejectedAsync(Street() with { Description = "broken\0text" }, "description", "control character");
    }

    [Fact]
    public async Task Submit_NulInLookedUpFields_ReportsErrors()
    {
        var before = await CountRowsAsync();

        var result = await SubmitAsync(Street() with { JurisdictionId = "testcity\0example", ServiceCode = "STR\0EET" });

        Assert.Contains(result.Errors, error => error.Field == "jurisdiction_id" && error.Message.Contains("control character", StringComparison.Ordinal));
        Assert.Contains(result.Errors, error => error.Field == "service_code" && error.Message.Contains("control character", StringComparison.Ordinal));
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task Submit_UnknownService_IsNotFound()
    {
        var result = await SubmitAsync(Street() with { ServiceCode = "NOPE" });

        var error = Assert.Single(result.Errors);
        Assert.Equal("service_code", error.Field);
        Assert.Equal(SubmissionErrorKind.NotFound, error.Kind);
        Assert.Contains("'NOPE'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Submit_InactiveService_IsNotFound()
    {
        var result = await SubmitAsync(Street() with { ServiceCode = SubmissionSeed.Retired, Attributes = new Dictionary<string, IReadOnlyList<string>>() });

        Assert.Equal(SubmissionErrorKind.NotFound, Assert.Single(result.Errors).Kind);
    }

    [Fact]
    public async Task Submit_UnknownJurisdiction_IsNotFound()
    {
        var result = await SubmitAsync(Street() with { JurisdictionId = "elsewhere.example" });

        Assert.Contains(result.Errors, error => error.Field == "jurisdiction_id" && error.Kind == SubmissionErrorKind.NotFound);
    }

    [Fact]
    public async Task Submit_RealtimeService_HasIdAndNoToken()
    {
        var result = await SubmitAsync(Street());

        Assert.Null(result.Request!.Token);
        Assert.False(string.IsNullOrEmpty(result.Request.PublicId));
    }

    [Fact]
    public async Task Submit_BatchService_StoresUrlSafeToken()
    {
        var first = await SubmitAsync(new NewServiceRequest { ServiceCode = SubmissionSeed.Bulk, AddressString = "1 Main St" });
        var second = await SubmitAsync(new NewServiceRequest { ServiceCode = SubmissionSeed.Bulk, AddressString = "1 Main St" });

        Assert.Matches(UrlSafeToken(), first.Request!.Token!);
        Assert.NotEqual(first.Request.Token, second.Request!.Token);
        var stored = await factory.WithDbAsync(db => db.ServiceRequests.AsNoTracking().SingleAsync(request => request.Token == first.Request.Token));
        Assert.Equal(first.Request.Id, stored.Id);
    }

    [Fact]
    public async Task Submit_BlackboxService_HasNoToken()
    {
        var result = await SubmitAsync(new NewServiceRequest { ServiceCode = SubmissionSeed.Blackbox, AddressString = "1 Main St" });

        Assert.True(result.Succeeded);
        Assert.Null(result.Request!.Token);
    }

    [Fact]
    public async Task Submit_NearOpenRequest_WarnsAboutDuplicate()
    {
        var input = Street() with { Lat = "40.001", Long = "-75.101" };
        var first = await SubmitAsync(input);

        var second = await SubmitAsync(input);

        Assert.True(second.Succeeded);
        Assert.Contains(second.Warnings, warning => warning.Contains($"Request {first.Request!.PublicId} ", StringComparison.Ordinal) && warning.Contains("0 m away", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_ValidRequest_StoresNothing()
    {
        var before = await CountRowsAsync();
        await using var scope = factory.Services.CreateAsyncScope();
        var submitter = scope.ServiceProvider.GetRequiredService<IServiceRequestSubmitter>();

        var result = await submitter.ValidateAsync(Street());

        Assert.True(result.Succeeded);
        Assert.Null(result.Request);
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task SubmitAll_ValidInputs_StoresInOrder()
    {
        var inputs = Enumerable.Range(1, 3).Select(index => Street() with { Description = $"batch row {index}" }).ToList();
        var context = new SubmissionContext(RequestChannels.Liaison, "liaison@example.org") { UserId = "user-7", BatchId = 42 };

        var results = await SubmitAllAsync(inputs, context);

        Assert.All(results, result => Assert.True(result.Succeeded));
        Assert.Equal(["batch row 1", "batch row 2", "batch row 3"], results.Select(result => result.Request!.Description));
        var stored = await factory.WithDbAsync(db => db.ServiceRequests.AsNoTracking().Include(request => request.Events)
            .Where(request => request.BatchId == 42).OrderBy(request => request.Id).ToListAsync());
        Assert.Equal(["batch row 1", "batch row 2", "batch row 3"], stored.Select(request => request.Description));
        Assert.All(stored, request => Assert.Equal("user-7", request.UserId));
        Assert.All(stored, request => Assert.Equal(RequestChannels.Liaison, request.Channel));
        Assert.All(stored, request => Assert.Equal("liaison@example.org", Assert.Single(request.Events).Actor));
    }

    [Fact]
    public async Task SubmitAll_OneInvalidInput_StoresNothing()
    {
        var before = await CountRowsAsync();
        var inputs = new[] { Street(), Street() with { Lat = "39,95" }, Street(side: "East") };

        var results = await SubmitAllAsync(inputs, new SubmissionContext(RequestChannels.Liaison, "liaison") { BatchId = 43 });

        Assert.Equal(3, results.Count);
        Assert.Empty(results[0].Errors);
        Assert.Equal("lat", Assert.Single(results[1].Errors).Field);
        Assert.Equal("attribute[SIDE]", Assert.Single(results[2].Errors).Field);
        Assert.All(results, result => Assert.Null(result.Request));
        Assert.Equal(before, await CountRowsAsync());
    }

    [Fact]
    public async Task SubmitAll_DatabaseFailsMidBatch_StoresNothing()
    {
        const string Poison = "poison row for the rollback test";
        await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync($"""
            CREATE FUNCTION reject_poison_row() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                IF NEW.description = '{Poison}' THEN
                    RAISE EXCEPTION 'poison row rejected';
                END IF;
                RETURN NEW;
            END $$;
            CREATE TRIGGER reject_poison_row BEFORE INSERT ON service_requests
                FOR EACH ROW EXECUTE FUNCTION reject_poison_row();
            """));
        try
        {
            var before = await CountRowsAsync();
            var inputs = new[] { Street() with { Description = "row 1" }, Street() with { Description = "row 2" }, Street() with { Description = Poison }, Street() };

            await Assert.ThrowsAsync<DbUpdateException>(() => SubmitAllAsync(inputs, new SubmissionContext(RequestChannels.Liaison, "liaison") { BatchId = 44 }));

            Assert.Equal(before, await CountRowsAsync());
            Assert.False(await factory.WithDbAsync(db => db.ServiceRequests.AnyAsync(request => request.BatchId == 44)));
        }
        finally
        {
            await factory.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(
                "DROP TRIGGER reject_poison_row ON service_requests; DROP FUNCTION reject_poison_row();"));
        }
    }

    [Fact]
    public async Task SubmitAll_CallerTransaction_CommitsWithCaller()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Open311DbContext>();
        var submitter = scope.ServiceProvider.GetRequiredService<IServiceRequestSubmitter>();
        var context = new SubmissionContext(RequestChannels.Liaison, "liaison") { BatchId = 45 };

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            var results = await submitter.SubmitAllAsync([Street(), Street()], context);
            Assert.All(results, result => Assert.True(result.Succeeded));
            await transaction.RollbackAsync();
        }

        var afterRollback = await factory.WithDbAsync(db => db.ServiceRequests.CountAsync(request => request.BatchId == 45));
        db.ChangeTracker.Clear();

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await submitter.SubmitAllAsync([Street(), Street()], context);
            await transaction.CommitAsync();
        }

        Assert.Equal(0, afterRollback);
        Assert.Equal(2, await factory.WithDbAsync(db => db.ServiceRequests.CountAsync(request => request.BatchId == 45)));
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{22}$")]
    private static partial Regex UrlSafeToken();
}
