namespace Fulfillment.Api.Health;

public sealed record HealthCheckEntry(string Name, string Status, string? Description);
