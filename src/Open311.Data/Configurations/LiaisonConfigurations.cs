using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Data.Accounts;
using Open311.Domain.Jurisdictions;
using Open311.Domain.Liaison;

namespace Open311.Data.Configurations;

// Identity names its tables "AspNetUsers" and so on; these keep them snake_case like the rest of the schema.
internal sealed class ApplicationUserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> builder)
    {
        builder.ToTable("asp_net_users");
        builder.Property(user => user.DisplayName).HasMaxLength(200);
    }
}

internal sealed class IdentityTableNames :
    IEntityTypeConfiguration<IdentityRole>,
    IEntityTypeConfiguration<IdentityUserRole<string>>,
    IEntityTypeConfiguration<IdentityUserClaim<string>>,
    IEntityTypeConfiguration<IdentityUserLogin<string>>,
    IEntityTypeConfiguration<IdentityUserToken<string>>,
    IEntityTypeConfiguration<IdentityRoleClaim<string>>
{
    public void Configure(EntityTypeBuilder<IdentityRole> builder) => builder.ToTable("asp_net_roles");

    public void Configure(EntityTypeBuilder<IdentityUserRole<string>> builder) => builder.ToTable("asp_net_user_roles");

    public void Configure(EntityTypeBuilder<IdentityUserClaim<string>> builder) => builder.ToTable("asp_net_user_claims");

    public void Configure(EntityTypeBuilder<IdentityUserLogin<string>> builder) => builder.ToTable("asp_net_user_logins");

    public void Configure(EntityTypeBuilder<IdentityUserToken<string>> builder) => builder.ToTable("asp_net_user_tokens");

    public void Configure(EntityTypeBuilder<IdentityRoleClaim<string>> builder) => builder.ToTable("asp_net_role_claims");
}

internal sealed class LiaisonInvitationConfiguration : IEntityTypeConfiguration<LiaisonInvitation>
{
    public void Configure(EntityTypeBuilder<LiaisonInvitation> builder)
    {
        builder.ToTable("liaison_invitations");
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(invitation => invitation.UserId);
    }
}

internal sealed class LiaisonNeighborhoodConfiguration : IEntityTypeConfiguration<LiaisonNeighborhood>
{
    public void Configure(EntityTypeBuilder<LiaisonNeighborhood> builder)
    {
        builder.ToTable("liaison_neighborhoods");
        builder.HasKey(assignment => new { assignment.UserId, assignment.NeighborhoodId });
        builder.HasOne<ApplicationUser>().WithMany().HasForeignKey(assignment => assignment.UserId);
        builder.HasOne<Neighborhood>().WithMany().HasForeignKey(assignment => assignment.NeighborhoodId);
    }
}

internal sealed class LiaisonBatchConfiguration : IEntityTypeConfiguration<LiaisonBatch>
{
    public void Configure(EntityTypeBuilder<LiaisonBatch> builder)
    {
        builder.ToTable("liaison_batches");
        builder.Property(batch => batch.Rows).HasColumnType("jsonb").HasConversion(
            rows => JsonSerializer.Serialize(rows, JsonSerializerOptions.Web),
            json => JsonSerializer.Deserialize<List<BatchRow>>(json, JsonSerializerOptions.Web) ?? new(),
            JsonComparer<List<BatchRow>>());
        builder.Property(batch => batch.Results).HasColumnType("jsonb").HasConversion(
            results => JsonSerializer.Serialize(results, JsonSerializerOptions.Web),
            json => JsonSerializer.Deserialize<List<BatchResult>>(json, JsonSerializerOptions.Web) ?? new(),
            JsonComparer<List<BatchResult>>());
        builder.Ignore(batch => batch.ValidCount);
        builder.Ignore(batch => batch.FailedCount);
    }

    private static ValueComparer<T> JsonComparer<T>() where T : class => new(
        (left, right) => JsonSerializer.Serialize(left, JsonSerializerOptions.Web) == JsonSerializer.Serialize(right, JsonSerializerOptions.Web),
        value => JsonSerializer.Serialize(value, JsonSerializerOptions.Web).GetHashCode(StringComparison.Ordinal),
        value => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(value, JsonSerializerOptions.Web), JsonSerializerOptions.Web)!);
}
