using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Open311.Domain.ApiKeys;
using Open311.Domain.Requests;

namespace Open311.Data.Configurations;

internal sealed class ServiceRequestConfiguration : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> builder)
    {
        builder.ToTable("service_requests");
        builder.Property(request => request.PublicId)
            .HasDefaultValueSql("nextval('service_request_number_seq')::text")
            .HasSentinel(string.Empty);
        builder.Property(request => request.Status).HasConversion(
            status => status.ToWire(),
            text => RequestStatuses.Parse(text));
        builder.Property(request => request.Location).HasColumnType("geography(Point, 4326)");
        builder.Property(request => request.NeighborhoodId).ValueGeneratedOnAddOrUpdate()
            .Metadata.SetAfterSaveBehavior(Microsoft.EntityFrameworkCore.Metadata.PropertySaveBehavior.Ignore);
        builder.Property(request => request.Attributes)
            .HasColumnType("jsonb")
            .HasConversion(
                answers => JsonSerializer.Serialize(answers, JsonSerializerOptions.Default),
                json => JsonSerializer.Deserialize<Dictionary<string, List<string>>>(json, JsonSerializerOptions.Default) ?? new(),
                new ValueComparer<Dictionary<string, List<string>>>(
                    (left, right) => JsonSerializer.Serialize(left, JsonSerializerOptions.Default) == JsonSerializer.Serialize(right, JsonSerializerOptions.Default),
                    answers => JsonSerializer.Serialize(answers, JsonSerializerOptions.Default).GetHashCode(StringComparison.Ordinal),
                    answers => answers.ToDictionary(pair => pair.Key, pair => pair.Value.ToList())));
        builder.HasOne(request => request.Service).WithMany().HasForeignKey(request => request.ServiceId);
        builder.HasMany(request => request.Events).WithOne().HasForeignKey(requestEvent => requestEvent.RequestId);
        builder.Navigation(request => request.Events).HasField("_events");
    }
}

internal sealed class RequestEventConfiguration : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> builder)
    {
        builder.ToTable("request_events");
        builder.Property(requestEvent => requestEvent.Status).HasConversion(
            status => status.ToWire(),
            text => RequestStatuses.Parse(text));
    }
}

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("api_keys");
        builder.Ignore(key => key.IsActive);
    }
}
