using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Domain.Services;

namespace Open311.Data.Configurations;

internal sealed class ServiceConfiguration : IEntityTypeConfiguration<Service>
{
    public void Configure(EntityTypeBuilder<Service> builder)
    {
        builder.ToTable("services");
        builder.Property(service => service.Type).HasConversion(
            type => type.ToString().ToLowerInvariant(),
            text => Enum.Parse<ServiceType>(text, true));
        builder.Property(service => service.Area).HasColumnType("geometry(MultiPolygon, 4326)");
        builder.HasMany(service => service.Attributes).WithOne().HasForeignKey(attribute => attribute.ServiceId);
        builder.Navigation(service => service.Attributes).HasField("_attributes");
    }
}

internal sealed class ServiceAttributeConfiguration : IEntityTypeConfiguration<ServiceAttribute>
{
    public void Configure(EntityTypeBuilder<ServiceAttribute> builder)
    {
        builder.ToTable("service_attributes");
        builder.Property(attribute => attribute.Datatype).HasConversion(
            datatype => datatype.ToWire(),
            text => Enum.Parse<AttributeDatatype>(text, true));
        builder.Property(attribute => attribute.DependenciesJson).HasColumnType("jsonb");
        builder.HasMany(attribute => attribute.Values).WithOne().HasForeignKey(value => value.AttributeId);
        builder.Navigation(attribute => attribute.Values).HasField("_values");
    }
}

internal sealed class AttributeValueConfiguration : IEntityTypeConfiguration<AttributeValue>
{
    public void Configure(EntityTypeBuilder<AttributeValue> builder) => builder.ToTable("attribute_values");
}
