using System.Globalization;

namespace Fulfillment.Bench.Pipeline;

/// <summary>
/// Which event goes in which slot. Orders advance in blocks of <see cref="Window"/>: slots of a block post step 0 of
/// each of its orders, then step 1 of each, and so on, so an order's consecutive events are <see cref="Window"/> slots
/// apart (half a second at 20,000 events/s with the default window) while the service sees every stage at once. One
/// order in <see cref="StallEvery"/> stops after <c>picked</c>; its slots after that stay empty.
/// </summary>
internal sealed class PipelinePlan(int window, int stallEvery, int sampleEvery, string[] skus)
{
    public static readonly string[] Carriers = ["UPS", "FEDEX", "USPS", "DHL"];

    // Region i is served best by warehouse i of the default network (one day in the region).
    public static readonly string[] Regions = ["us-east", "us-central", "us-west"];
    public static readonly string[] Warehouses = ["WH-EAST", "WH-CENTRAL", "WH-WEST"];

    private static readonly int Steps = PipelineStep.Lifecycle.Count;

    public int Window => window;

    public int StallEvery => stallEvery;

    public IReadOnlyList<string> Skus => skus;

    /// <summary>The order and step of slot <paramref name="slot"/>, or false if the slot stays empty (a stalled order's).</summary>
    public bool TryGet(long slot, out long order, out int step)
    {
        var block = slot / ((long)window * Steps);
        var within = slot % ((long)window * Steps);
        step = (int)(within / window);
        order = (block * window) + (within % window);
        return !IsStalled(order) || step <= PipelineStep.StallAfter;
    }

    public bool IsStalled(long order) => order % stallEvery == stallEvery - 1;

    /// <summary>Whether the visibility of this order's events is timed (one order in <c>sampleEvery</c>).</summary>
    public bool IsSampled(long order) => order % sampleEvery == 0;

    public static string OrderId(long order) => string.Create(CultureInfo.InvariantCulture, $"pipe-{order:D9}");
}
