using Fulfillment.Api.Health;
using Fulfillment.Api.Tests.Support;
using Fulfillment.ReadModels;
using Grains.Runtime.Cluster;
using Grains.Runtime.Placement;
using Grains.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Fulfillment.Api.Tests;

public sealed class HealthTests
{
    [Fact]
    public async Task Live_ReturnsHealthyWithoutChecks()
    {
        await using var host = await ApiHost.StartAsync();

        var body = await JsonBody.ReadAsync(await host.SendAsync(HttpMethod.Get, "/health/live"));

        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Empty(body.GetProperty("checks").EnumerateArray());
    }

    [Fact]
    public async Task Ready_ReportsStorageStreamAgentsAndReadModelsHealthy()
    {
        await using var host = await ApiHost.StartAsync();
        await host.Services.GetRequiredService<ReadModelQueries>().Recovery.WaitAsync(TimeSpan.FromSeconds(20));

        var body = await JsonBody.ReadAsync(await host.SendAsync(HttpMethod.Get, "/health/ready"));

        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        var checks = body.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c);
        Assert.Equal(["read-models", "storage", "stream-agents"], checks.Keys.Order(StringComparer.Ordinal));
        Assert.All(checks.Values, c => Assert.Equal("Healthy", c.GetProperty("status").GetString()));
        Assert.Equal("32 of 32 partitions owned, each with a running stream agent.", checks["stream-agents"].GetProperty("description").GetString());
        Assert.Equal("Caught up: 0 orders marked at start were projected again.", checks["read-models"].GetProperty("description").GetString());
    }

    [Fact]
    public async Task StreamAgentsCheck_WithoutRunningAgents_IsUnhealthy()
    {
        var check = new StreamAgentsHealthCheck(new IdleMonitor(), new Ownership());

        var result = await check.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("0 stream agents run for 4 owned of 4 partitions.", result.Description);
    }

    private sealed class IdleMonitor : IStreamMonitor
    {
        public string ConsumerGroup => "grains";

        public Task<IReadOnlyList<StreamPartitionStatus>> GetStatusAsync(CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<StreamPartitionStatus>>([]);

        public Task<bool> ReplayDeadLetterAsync(string id, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }

    private sealed class Ownership : IPartitionOwnership
    {
        public int PartitionCount => 4;

        public IReadOnlyCollection<int> OwnedPartitions => [0, 1, 2, 3];

        public bool IsOwnedLocally(int partition) => true;

        public bool TryGetFence(int partition, out LeaseFence fence)
        {
            fence = LeaseFence.None;
            return true;
        }
    }
}
