using Xunit;
using static Fulfillment.ReadModels.Contracts.ReadModelRows;

namespace Fulfillment.ReadModels.Contracts;

public abstract partial class ReadModelStoreContractTests
{
    /// <summary>Batches every store refuses, each after a valid row that must not be written either, with the field the error names.</summary>
    public static TheoryData<string, string> InvalidBatches => new()
    {
        { "order without customer", "Orders[1].CustomerId is missing" },
        { "order without id", "Orders[1].OrderId is missing" },
        { "order twice", "Orders[1].OrderId 'o-1' appears twice" },
        { "missing order", "Orders[1] is missing" },
        { "alert without status", "Alerts[1].Status is missing" },
        { "alert twice", "Alerts[1].AlertId 'o-1:pick_to_pack_stall' appears twice" },
        { "empty mark", "Mark[1] is missing" },
        { "empty unmark", "Unmark[0] is missing" },
    };

    [Theory]
    [MemberData(nameof(InvalidBatches))]
    public async Task ApplyAsync_InvalidBatch_ThrowsNamingTheFieldAndAppliesNothing(string batchCase, string message)
    {
        await ApplyAsync(Batch(mark: ["o-0"]));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ApplyAsync(InvalidBatch(batchCase)));

        Assert.Equal("batch", error.ParamName);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Empty(await ListOrdersAsync());
        Assert.Empty(await ListAlertsAsync());
        Assert.Equal(["o-0"], await MarkedOrdersAsync());
        Assert.Equal("o-9:pick_to_pack_stall#1", Sequenced(await ApplyAsync(Batch(alerts: [Alert("o-9")]))));
    }

    [Fact]
    public async Task ApplyAsync_NullBatch_ThrowsArgumentNull()
    {
        var error = await Assert.ThrowsAsync<ArgumentNullException>(() => Store.ApplyAsync(null!, CancellationToken.None));

        Assert.Equal("batch", error.ParamName);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task ListAsync_LimitBelowOne_ThrowsNamingIt(int limit)
    {
        var orders = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ListOrdersAsync(limit: limit));
        var alerts = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => ListAlertsAsync(limit: limit));
        var feed = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => AlertsAfterAsync(0, limit));

        Assert.Equal(("filter.Limit", "filter.Limit", "limit"), (orders.ParamName, alerts.ParamName, feed.ParamName));
    }

    [Fact]
    public async Task AlertsAfterAsync_NegativeSequence_ThrowsNamingIt()
    {
        var error = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => AlertsAfterAsync(-1));

        Assert.Equal("feedSequence", error.ParamName);
    }

    [Fact]
    public async Task ListAsync_NullFilter_ThrowsArgumentNull()
    {
        var orders = await Assert.ThrowsAsync<ArgumentNullException>(() => Store.ListOrdersAsync(null!, CancellationToken.None));
        var alerts = await Assert.ThrowsAsync<ArgumentNullException>(() => Store.ListAlertsAsync(null!, CancellationToken.None));

        Assert.Equal(("filter", "filter"), (orders.ParamName, alerts.ParamName));
    }

    [Fact]
    public async Task ApplyAsync_BeforeInitialize_ThrowsInvalidOperation()
    {
        await using var uninitialized = CreateStore();

        await Assert.ThrowsAsync<InvalidOperationException>(() => uninitialized.ApplyAsync(Batch([Order("o-1")]), CancellationToken.None));
        Assert.Empty(await ListOrdersAsync());
    }

    private static ProjectionBatch InvalidBatch(string batchCase) => batchCase switch
    {
        "order without customer" => Batch([Order("o-1"), Order("o-2") with { CustomerId = null! }]),
        "order without id" => Batch([Order("o-1"), Order("o-2") with { OrderId = "" }]),
        "order twice" => Batch([Order("o-1"), Order("o-1", version: 2)]),
        "missing order" => Batch([Order("o-1"), null!]),
        "alert without status" => Batch([Order("o-1")], [Alert("o-1"), Alert("o-2") with { Status = null! }]),
        "alert twice" => Batch([Order("o-1")], [Alert("o-1"), Alert("o-1", version: 2)]),
        "empty mark" => Batch([Order("o-1")], mark: ["o-1", ""]),
        "empty unmark" => Batch([Order("o-1")], unmark: [""]),
        _ => throw new ArgumentOutOfRangeException(nameof(batchCase), batchCase, "Unknown case."),
    };
}
