using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Open311.Data;
using Open311.Data.Accounts;
using Open311.Domain.Liaison;

namespace Open311.Web.Portal.Accounts;

/// <summary>Settings under <c>Open311:Demo</c>: the fixed accounts created in Development.</summary>
public sealed class DemoAccountOptions
{
    public const string Section = "Open311:Demo";

    public string JurisdictionId { get; set; } = "sfgov.org";

    public string Neighborhood { get; set; } = "Mission";

    public string? StaffEmail { get; set; }

    public string? StaffPassword { get; set; }

    public string? LiaisonEmail { get; set; }

    public string? LiaisonPassword { get; set; }
}

/// <summary>
/// Creates a demo staff account and a demo liaison for the configured neighbourhood at start. Registered only
/// in Development; it does nothing when the jurisdiction or the neighbourhood has not been imported yet, and
/// never changes accounts that already exist.
/// </summary>
public sealed partial class DemoAccountSeeder(IServiceProvider services, IOptions<DemoAccountOptions> options, ILogger<DemoAccountSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var demo = options.Value;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Open311DbContext>();
        var neighborhood = await db.Neighborhoods.AsNoTracking()
            .Where(n => n.JurisdictionId == demo.JurisdictionId && n.Name == demo.Neighborhood)
            .Select(n => new { n.Id })
            .SingleOrDefaultAsync(cancellationToken);
        if (neighborhood is null)
        {
            LogSkipped(logger, demo.JurisdictionId, demo.Neighborhood);
            return;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in new[] { Roles.Staff, Roles.Liaison })
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }

        await EnsureAsync(users, demo.StaffEmail, demo.StaffPassword, "Demo staff", Roles.Staff);
        var liaison = await EnsureAsync(users, demo.LiaisonEmail, demo.LiaisonPassword, "Demo liaison", Roles.Liaison);
        if (liaison is not null && !await db.LiaisonNeighborhoods.AnyAsync(a => a.UserId == liaison.Id, cancellationToken))
        {
            db.LiaisonNeighborhoods.Add(new LiaisonNeighborhood(liaison.Id, neighborhood.Id));
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task<ApplicationUser?> EnsureAsync(UserManager<ApplicationUser> users, string? email, string? password, string displayName, string role)
    {
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return null;
        }

        var existing = await users.FindByEmailAsync(email);
        if (existing is not null)
        {
            return existing;
        }

        var user = new ApplicationUser { UserName = email, Email = email, DisplayName = displayName, EmailConfirmed = true, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            LogFailed(logger, role, string.Join(" ", created.Errors.Select(error => error.Code)));
            return null;
        }

        await users.AddToRoleAsync(user, role);
        LogCreated(logger, role);
        return user;
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Demo accounts not created: jurisdiction {JurisdictionId} or its neighbourhood {Neighborhood} is not imported yet")]
    private static partial void LogSkipped(ILogger logger, string jurisdictionId, string neighborhood);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Information, Message = "Created the demo {Role} account")]
    private static partial void LogCreated(ILogger logger, string role);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Could not create the demo {Role} account: {ErrorCodes}")]
    private static partial void LogFailed(ILogger logger, string role, string errorCodes);
}
