using System.Net;
using System.Text;
using Fulfillment.Api.Tests.Grains;
using Fulfillment.Api.Tests.Support;
using Grains.Runtime.Placement;
using Grains.Streams;

namespace Fulfillment.Api.Tests;

public sealed class StreamsApiTests : IAsyncLifetime
{
    private ApiHost _host = null!;

    public async Task InitializeAsync() => _host = await ApiHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task GetStreams_ReportsConsumerGroupEveryPartitionAndDeadLetterCount()
    {
        var delivered = _host.Signals.WaitFor("delivered:o-1");
        await JsonBody.ReadAsync(await _host.PostEventsAsync(CloudEvents.Batch(CloudEvents.OrderCreated("o-1"))), HttpStatusCode.Accepted);
        await delivered;
        await _host.DeadLetters.AddAsync(Letter("dl-1", "o-9", TimeSpan.Zero));

        var body = await JsonBody.ReadAsync(await _host.SendAsync(HttpMethod.Get, "/api/v1/streams", apiKey: TestKeys.Ops));

        Assert.Equal("grains", body.GetProperty("consumerGroup").GetString());
        Assert.Equal(1, body.GetProperty("deadLetters").GetInt32());
        var partitions = body.GetProperty("partitions").EnumerateArray().ToArray();
        Assert.Equal(Enumerable.Range(0, 32), partitions.Select(p => p.GetProperty("partition").GetInt32()));
        foreach (var partition in partitions)
        {
            Assert.Equal(
                ["partition", "lastSequenceNumber", "delivered", "checkpointed", "inFlight", "lagEvents", "lagSeconds", "checkpointAgeSeconds"],
                partition.EnumerateObject().Select(p => p.Name));
        }

        var owning = partitions[PartitionHash.GetPartition("o-1", 32)];
        Assert.Equal(1, owning.GetProperty("lastSequenceNumber").GetInt64());
        Assert.All(partitions.Where(p => p.GetProperty("partition").GetInt32() != owning.GetProperty("partition").GetInt32()), p =>
            Assert.Equal(0, p.GetProperty("lastSequenceNumber").GetInt64()));
    }

    [Fact]
    public async Task ListDeadLetters_ReturnsThemOldestFirstWithEveryField()
    {
        await _host.DeadLetters.AddAsync(Letter("dl-1", "o-1", TimeSpan.Zero));
        await _host.DeadLetters.AddAsync(Letter("dl-2", "o-2", TimeSpan.FromSeconds(1)));
        await _host.DeadLetters.AddAsync(Letter("dl-3", "o-3", TimeSpan.FromSeconds(2)));

        var body = await JsonBody.ReadAsync(await _host.SendAsync(HttpMethod.Get, "/api/v1/streams/dead-letters?limit=2", apiKey: TestKeys.Ops));

        Assert.Equal(3, body.GetProperty("total").GetInt32());
        var items = body.GetProperty("items").EnumerateArray().ToArray();
        Assert.Equal(["dl-1", "dl-2"], items.Select(i => i.GetProperty("id").GetString()));
        var first = items[0];
        Assert.Equal(OrderProbeGrain.TypeName, first.GetProperty("grainType").GetString());
        Assert.Equal(5, first.GetProperty("partition").GetInt32());
        Assert.Equal(17, first.GetProperty("sequenceNumber").GetInt64());
        Assert.Equal("orders", first.GetProperty("namespace").GetString());
        Assert.Equal("o-1", first.GetProperty("key").GetString());
        Assert.Equal("12:urn:test:wms:created-o-1", first.GetProperty("eventId").GetString());
        Assert.Equal("System.InvalidOperationException", first.GetProperty("errorType").GetString());
        Assert.Equal("cannot apply", first.GetProperty("errorMessage").GetString());
        Assert.Equal(5, first.GetProperty("attempts").GetInt32());
        Assert.Equal(_host.Settings.Time.GetUtcNow(), first.GetProperty("failedAt").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1001")]
    public async Task ListDeadLetters_LimitOutOfRange_Returns400(string limit)
    {
        var problem = await Problem.ReadAsync(
            await _host.SendAsync(HttpMethod.Get, $"/api/v1/streams/dead-letters?limit={limit}", apiKey: TestKeys.Ops), HttpStatusCode.BadRequest);

        Assert.Equal(["must be between 1 and 1000"], problem.Errors["limit"]);
    }

    [Fact]
    public async Task ListDeadLetters_LimitNotANumber_Returns400Problem()
    {
        var response = await _host.SendAsync(HttpMethod.Get, "/api/v1/streams/dead-letters?limit=many", apiKey: TestKeys.Ops);

        await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Replay_WhenTheGrainTakesIt_Returns204AndRemovesTheDeadLetter()
    {
        await _host.DeadLetters.AddAsync(Letter("dl-1", "o-7", TimeSpan.Zero));

        var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/streams/dead-letters/dl-1/replay", apiKey: TestKeys.Ops);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(["12:urn:test:wms:created-o-7"], _host.Signals.Values("delivered:o-7"));
        Assert.Null(await _host.DeadLetters.GetAsync("dl-1"));
        Assert.Equal(0, await _host.DeadLetters.CountAsync());
    }

    [Fact]
    public async Task Replay_WhenTheGrainFailsAgain_Returns502WithItsErrorAndKeepsTheDeadLetter()
    {
        await _host.DeadLetters.AddAsync(Letter("dl-1", "o-7", TimeSpan.Zero));
        _host.Probe.FailFor("o-7", "order o-7 is corrupt");

        var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/streams/dead-letters/dl-1/replay", apiKey: TestKeys.Ops);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadGateway);
        Assert.Equal("Replay failed", problem.Title);
        Assert.Equal("Replaying dead letter 'dl-1' failed again: System.InvalidOperationException: order o-7 is corrupt", problem.Detail);
        Assert.Equal("System.InvalidOperationException", problem.Root.GetProperty("errorType").GetString());
        Assert.Equal("order o-7 is corrupt", problem.Root.GetProperty("errorMessage").GetString());
        Assert.NotNull(await _host.DeadLetters.GetAsync("dl-1"));
    }

    [Fact]
    public async Task Replay_UnknownId_Returns404Problem()
    {
        var response = await _host.SendAsync(HttpMethod.Post, "/api/v1/streams/dead-letters/nope/replay", apiKey: TestKeys.Ops);

        var problem = await Problem.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("No dead letter has id 'nope'.", problem.Detail);
    }

    [Fact]
    public async Task Replay_IdWithReservedCharacters_IsFoundWhenEscaped()
    {
        await _host.DeadLetters.AddAsync(Letter("grains:5:17:order-probe", "o-8", TimeSpan.Zero));

        var response = await _host.SendAsync(
            HttpMethod.Post, $"/api/v1/streams/dead-letters/{Uri.EscapeDataString("grains:5:17:order-probe")}/replay", apiKey: TestKeys.Ops);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    private DeadLetter Letter(string id, string key, TimeSpan offset)
    {
        var at = _host.Settings.Time.GetUtcNow() + offset;
        var body = Encoding.UTF8.GetBytes(CloudEvents.OrderCreated(key).ToJsonString());
        var item = new StreamEvent(5, 17, 0, at, "orders", key, $"12:urn:test:wms:created-{key}", body);
        return new DeadLetter(id, "grains", OrderProbeGrain.TypeName, item, "System.InvalidOperationException", "cannot apply", 5, at);
    }
}
