using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Open311.Data.Accounts;
using Open311.Domain.ApiKeys;
using Open311.Domain.Jurisdictions;
using Open311.Domain.Liaison;
using Open311.Domain.Requests;
using Open311.Domain.Services;

namespace Open311.Data;

/// <summary>
/// The EF Core model of the schema. The schema itself is owned by the SQL scripts under
/// <c>Migrations/</c> (see <see cref="DatabaseMigrator"/>), so this model maps tables and never creates them.
/// The ASP.NET Core Identity tables (<c>asp_net_users</c> and the rest) come from the base class.
/// </summary>
public class Open311DbContext(DbContextOptions<Open311DbContext> options) : IdentityDbContext<ApplicationUser>(options)
{
    public DbSet<Jurisdiction> Jurisdictions => Set<Jurisdiction>();

    public DbSet<Neighborhood> Neighborhoods => Set<Neighborhood>();

    public DbSet<Service> Services => Set<Service>();

    public DbSet<ServiceAttribute> ServiceAttributes => Set<ServiceAttribute>();

    public DbSet<ServiceRequest> ServiceRequests => Set<ServiceRequest>();

    public DbSet<RequestEvent> RequestEvents => Set<RequestEvent>();

    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();

    public DbSet<LiaisonInvitation> LiaisonInvitations => Set<LiaisonInvitation>();

    public DbSet<LiaisonNeighborhood> LiaisonNeighborhoods => Set<LiaisonNeighborhood>();

    public DbSet<LiaisonBatch> LiaisonBatches => Set<LiaisonBatch>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasPostgresExtension("postgis");
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(Open311DbContext).Assembly);
    }
}
