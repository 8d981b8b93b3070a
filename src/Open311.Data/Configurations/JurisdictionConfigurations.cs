using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Domain.Jurisdictions;

namespace Open311.Data.Configurations;

internal sealed class JurisdictionConfiguration : IEntityTypeConfiguration<Jurisdiction>
{
    public void Configure(EntityTypeBuilder<Jurisdiction> builder)
    {
        builder.ToTable("jurisdictions");
        builder.HasKey(jurisdiction => jurisdiction.Id);
        builder.Property(jurisdiction => jurisdiction.Boundary).HasColumnType("geometry(MultiPolygon, 4326)");
        builder.Ignore(jurisdiction => jurisdiction.TimeZone);
    }
}

internal sealed class NeighborhoodConfiguration : IEntityTypeConfiguration<Neighborhood>
{
    public void Configure(EntityTypeBuilder<Neighborhood> builder)
    {
        builder.ToTable("neighborhoods");
        builder.Property(neighborhood => neighborhood.Geometry).HasColumnType("geometry(MultiPolygon, 4326)");
    }
}
