using System.Net;
using Microsoft.EntityFrameworkCore;
using Open311.Domain.Requests;

namespace Open311.Tests.Liaison;

/// <summary>The staff triage form applies the API's text rule to status notes and shows the error beside the field.</summary>
public sealed class StaffTriageNotesTests(LiaisonAppFactory factory) : IClassFixture<LiaisonAppFactory>
{
    [Theory]
    [InlineData("Crew sent\u0001")]
    [InlineData("Unit\u001Fsep")]
    public async Task Notes_WithControlCharacter_RejectedBesideTheField(string notes)
    {
        var id = await AddRequestAsync();
        using var staff = await SignedInStaffAsync();

        var response = await staff.PostFormAsync("/staff/requests",
            new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["newStatus"] = "in_progress", ["notes"] = notes },
            "/staff/requests?handler=ChangeStatus");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"id=\"notes-error-{id}\"", html, StringComparison.Ordinal);
        Assert.Contains("control character", html, StringComparison.Ordinal);
        Assert.Contains($"aria-describedby=\"notes-error-{id}\"", html, StringComparison.Ordinal);
        var (status, events) = await factory.WithDbAsync(db => db.ServiceRequests.Where(r => r.Id == id)
            .Select(r => new ValueTuple<RequestStatus, int>(r.Status, r.Events.Count)).SingleAsync());
        Assert.Equal(RequestStatus.Open, status);
        Assert.Equal(1, events);
    }

    [Fact]
    public async Task Notes_WithLineBreaksAndTabs_Saved()
    {
        var id = await AddRequestAsync();
        using var staff = await SignedInStaffAsync();

        var response = await staff.PostFormAsync("/staff/requests",
            new() { ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["newStatus"] = "in_progress", ["notes"] = "Crew sent\r\n\tback Monday" },
            "/staff/requests?handler=ChangeStatus");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var notes = await factory.WithDbAsync(db => db.ServiceRequests.Where(r => r.Id == id)
            .SelectMany(r => r.Events).OrderByDescending(e => e.Id).Select(e => e.Notes).FirstAsync());
        Assert.Equal("Crew sent\r\n\tback Monday", notes);
    }

    private Task<long> AddRequestAsync() => factory.WithDbAsync(async db =>
    {
        var service = await db.Services.SingleAsync(s => s.Code == LiaisonSeed.SweepService);
        var request = new ServiceRequest(LiaisonSeed.Jurisdiction, service.Id, DateTimeOffset.UtcNow, RequestChannels.Api);
        request.RecordOpened("api");
        db.ServiceRequests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    });

    private async Task<PortalClient> SignedInStaffAsync()
    {
        var client = factory.CreatePortalClient();
        var response = await client.SignInAsync(LiaisonSeed.StaffEmail, LiaisonSeed.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
