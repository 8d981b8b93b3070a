using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Open311.Data.Requests;

namespace Open311.Tests.Liaison;

/// <summary>The finder's many-points call, used by the batch preview, answers exactly as one call per point.</summary>
public sealed class NearbyFinderManyTests(LiaisonAppFactory factory) : IClassFixture<LiaisonAppFactory>
{
    [Fact]
    public async Task FindMany_EqualsOneFindPerPoint()
    {
        using var client = factory.CreatePortalClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(LiaisonSeed.LiaisonEmail, LiaisonSeed.Password)).StatusCode);
        // A cluster of requests a few metres apart, so several match each point and the order matters.
        var rows = Enumerable.Range(0, 12).Select(i => LiaisonSeed.GraffitiRow($"finder row {i}", (37.7600 + (i * 0.00007)).ToString("F5", CultureInfo.InvariantCulture))).ToList();
        var id = await client.UploadBatchAsync(LiaisonSeed.GraffitiCsv(rows));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync(id, confirmSameFile: true)).StatusCode);
        await factory.WithDbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE service_requests SET status = 'closed', closed_at = now() WHERE batch_id = {id} AND description = 'finder row 3';
            UPDATE service_requests SET requested_at = now() - interval '90 days' WHERE batch_id = {id} AND description = 'finder row 5';
            """));

        NearbyPoint[] points =
        [
            new(LiaisonSeed.GraffitiService, 37.7600, -122.4148),
            new(LiaisonSeed.GraffitiService, 37.76025, -122.4148),
            new(LiaisonSeed.GraffitiService, 37.76025, -122.4148),
            new(LiaisonSeed.GraffitiService, 37.7604, -122.41485),
            new(LiaisonSeed.SweepService, 37.7602, -122.4148),
            new(LiaisonSeed.GraffitiService, 37.7400, -122.4000),
            new(LiaisonSeed.GraffitiService, 37.76077, -122.4148),
        ];

        await using var scope = factory.Services.CreateAsyncScope();
        var finder = scope.ServiceProvider.GetRequiredService<NearbyDuplicateFinder>();
        var many = await finder.FindManyAsync(LiaisonSeed.Jurisdiction, points);
        var single = new List<IReadOnlyList<NearbyRequest>>();
        foreach (var point in points)
        {
            single.Add(await finder.FindAsync(LiaisonSeed.Jurisdiction, point.ServiceCode, point.Latitude, point.Longitude));
        }

        Assert.Equal(points.Length, many.Count);
        Assert.True(single[1].Count >= 3, $"expected several matches, got {single[1].Count}");
        Assert.Empty(single[4]);
        Assert.Empty(single[5]);
        Assert.DoesNotContain(single.SelectMany(list => list), match => match.Request.Description is "finder row 3" or "finder row 5");
        for (var i = 0; i < points.Length; i++)
        {
            Assert.Equal(single[i].Select(m => (m.Request.Id, Math.Round(m.DistanceMetres, 6))), many[i].Select(m => (m.Request.Id, Math.Round(m.DistanceMetres, 6))));
            Assert.All(many[i], m => Assert.NotNull(m.Request.Service));
        }
    }
}
