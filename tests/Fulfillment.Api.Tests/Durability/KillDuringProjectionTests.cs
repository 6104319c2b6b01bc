using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Fulfillment.Api.Tests.Support;
using Grains.Testing;
using Xunit.Abstractions;

namespace Fulfillment.Api.Tests.Durability;

/// <summary>
/// The real service killed with SIGKILL right after its order events were acknowledged, with changes still on their
/// way to the read model; restarted on the same files (or schema), the order list agrees with every order's grain once ready.
/// </summary>
public sealed class KillDuringProjectionTests(ITestOutputHelper output) : IDisposable
{
    private const int Orders = 200;
    private static readonly string[] Stages = ["picked", "packed", "labeled"];

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("fulfillment-kill9-rm-").FullName;

    [Fact]
    public Task Sigkill_AfterAcknowledgedEvents_ReadModelCatchesUpWithTheGrains() =>
        KillAndRestartAsync(() => ServiceProcess.StartAsync(_dataDirectory));

    /// <summary>
    /// On PostgreSQL the restarted process is a new writer: it takes over the killed one's marks (its session ended with
    /// the process) and projects those orders again.
    /// </summary>
    [Fact]
    public async Task Sigkill_OnPostgreSql_AfterAcknowledgedEvents_ReadModelCatchesUpWithTheGrains()
    {
        await using var schema = new PostgreSqlTestSchema();
        await KillAndRestartAsync(
            () => ServiceProcess.StartOnPostgreSqlAsync(schema.ConnectionString, schema.Name),
            whileRestarted: async () => Assert.Equal(1L, await schema.ExecuteScalarAsync("SELECT count(*) FROM rm_writers;")));
    }

    /// <summary>Kills the first process after its events were acknowledged, starts another, and waits until its list agrees with its grains.</summary>
    private async Task KillAndRestartAsync(Func<Task<ServiceProcess>> start, Func<Task>? whileRestarted = null)
    {
        await using (var first = await start())
        {
            for (var batch = 0; batch < Orders / 50; batch++)
            {
                using var response = await first.PostEventsAsync(Batch(batch * 50, 50));
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            }

            Assert.Equal(137, await first.KillAsync());
        }

        await using var second = await start();
        var expected = new Dictionary<string, string>(StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            // The grains are the truth; redelivered events may still move them, so read both until they agree.
            var listed = await ListAsync(second);
            expected.Clear();
            foreach (var orderId in Enumerable.Range(0, Orders).Select(i => $"o-{i:D3}"))
            {
                expected[orderId] = await GrainViewAsync(second, orderId);
            }

            var missing = expected.Where(e => !listed.TryGetValue(e.Key, out var row) || row != e.Value).Select(e => e.Key).ToArray();
            if (missing.Length == 0)
            {
                output.WriteLine($"The list agrees with all {Orders} orders' grains.");
                if (whileRestarted is not null)
                {
                    await whileRestarted();
                }

                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"{missing.Length} orders differ from their grains, e.g. {missing[0]}: list {listed.GetValueOrDefault(missing[0])}, grain {expected[missing[0]]}");
            await Task.Yield();
        }
    }

    public void Dispose() => Directory.Delete(_dataDirectory, recursive: true);

    private static async Task<Dictionary<string, string>> ListAsync(ServiceProcess service)
    {
        using var response = await service.Client.GetAsync("/api/v1/orders?limit=500");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("items").EnumerateArray().ToDictionary(o => o.GetProperty("orderId").GetString()!, Summary, StringComparer.Ordinal);
    }

    private static async Task<string> GrainViewAsync(ServiceProcess service, string orderId)
    {
        using var response = await service.Client.GetAsync($"/api/v1/orders/{orderId}");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return response.StatusCode == HttpStatusCode.OK ? Summary(body.RootElement) : $"{(int)response.StatusCode}";
    }

    private static string Summary(JsonElement order) =>
        $"{order.GetProperty("stage").GetString()} {order.GetProperty("slaStatus").GetString()} {order.GetProperty("updatedAt").GetString()} {order.GetProperty("carrier")}";

    private static string Batch(int first, int count)
    {
        var events = new List<JsonNode>();
        for (var i = first; i < first + count; i++)
        {
            var orderId = $"o-{i:D3}";
            events.Add(CloudEvents.OrderCreated(orderId));
            events.AddRange(Stages.Take(1 + (i % Stages.Length)).Select(stage => (JsonNode)OrderRequests.StageAt(orderId, stage, "2026-11-23T14:05:00Z", carrier: "ups", trackingNumber: $"T-{i}")));
        }

        return CloudEvents.Batch([.. events]);
    }
}
