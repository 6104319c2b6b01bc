using System.Diagnostics;
using System.Globalization;
using Fulfillment.Api.Hosting;
using Fulfillment.Bench.Cli;
using Fulfillment.Bench.Hosting;
using Fulfillment.Bench.Ingest;
using Fulfillment.Bench.Measurement;
using Fulfillment.Bench.Pipeline;
using Fulfillment.Bench.Results;
using Fulfillment.Bench.Storefront;
using Microsoft.Extensions.DependencyInjection;

namespace Fulfillment.Bench.Scenarios;

/// <summary>
/// Orders through all their stages over HTTP: created, payment confirmed (the order grain allocates stock through
/// sourcing), picked … delivered (shipment decrements on-hand), posted as CloudEvents batches at a fixed rate. A
/// sample of the acknowledged events is timed until it shows in <c>GET /api/v1/orders/{id}</c>; one order in
/// <c>--stall-every</c> stops after <c>picked</c>, and its pick-to-pack alert is timed from its deadline to its arrival
/// on <c>GET /api/v1/alerts/stream</c>.
/// </summary>
internal sealed class OrderPipelineScenario : IScenario
{
    private const int StockPerPosition = 100_000_000;
    private static readonly TimeSpan AlertGrace = TimeSpan.FromSeconds(30);

    public string Name => OrderPipelineResult.ScenarioName;

    public string Description => "Orders through every stage by CloudEvents at a fixed rate: ack → visible in GET /orders/{id}, and stall deadline → alert on the SSE stream.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("rate", "N", "events/s posted (default 20000)"),
        new("seconds", "N", "measured seconds (default 10, after a paced warm-up that lasts until the JIT settles)"),
        new("batch", "N", "events per POST (default 200)"),
        new("connections", "N", "concurrent posting loops (default 8)"),
        new("window", "N", "orders advancing together; an order's events are this many events apart (default 10000)"),
        new("skus", "N", "SKUs ordered, each stocked in every warehouse (default 1000)"),
        new("stall-every", "N", "one order in N stops after picked (default 100)"),
        new("stall-seconds", "N", "Sla:PickToPackStall for the run (default 5)"),
        new("sample-every", "N", "one order in N has its events' visibility timed (default 50)"),
        new("pollers", "N", "concurrent visibility pollers (default 8)"),
    ];

    public async Task<ScenarioResult> RunAsync(ScenarioOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var rate = options.GetInt32("rate", 20_000, min: 1, max: 10_000_000);
        var duration = TimeSpan.FromSeconds(options.GetSeconds("seconds", 10));
        var batch = options.GetInt32("batch", 200, min: 1, max: 1_000);
        var connections = options.GetInt32("connections", 8, min: 1, max: 256);
        var window = options.GetInt32("window", 10_000, min: 1, max: 10_000_000);
        var skuCount = options.GetInt32("skus", 1_000, min: 1, max: 100_000);
        var stallEvery = options.GetInt32("stall-every", 100, min: 2, max: 1_000_000);
        var stall = TimeSpan.FromSeconds(options.GetSeconds("stall-seconds", 5, min: 1, max: 3_600));
        var sampleEvery = options.GetInt32("sample-every", 50, min: 1, max: 1_000_000);
        var pollers = options.GetInt32("pollers", 8, min: 1, max: 256);

        using var directory = new TempDirectory();
        var setup = new BenchServiceSetup(StorageProvider.Sqlite, directory.File("fulfillment.db"))
        {
            Settings = new Dictionary<string, string?>
            {
                ["Sla:PickToPackStall"] = stall.ToString("c", CultureInfo.InvariantCulture),
                // Only the pick-to-pack stall is measured; the other alarms stay far away.
                ["Sla:LabelToScanStall"] = "01:00:00",
            },
            // The bench's grain assembly holds the ingest scenario's counting subscriber, which the silo finds as it
            // finds every grain assembly: it needs its probe (it counts nothing here, the ids are not its own).
            ConfigureServices = services => services.AddSingleton(new IngestProbe(1)),
        };
        await using var service = await BenchService.StartAsync(setup, cancellationToken).ConfigureAwait(false);
        var skus = Enumerable.Range(0, skuCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"PIPE-{i:D5}")).ToArray();
        progress.WriteLine($"Service on {service.Address}; stocking {skuCount} SKUs in {PipelinePlan.Warehouses.Length} warehouses...");
        using (var storefront = new StorefrontClient(service.Address, 16))
        {
            var positions = skus.SelectMany(sku => PipelinePlan.Warehouses.Select(warehouse => (warehouse, sku))).ToArray();
            await Partitioned.RunAsync(positions.Length, 16, async i => await storefront.SetStockAsync(positions[i].warehouse, positions[i].sku, StockPerPosition, cancellationToken).ConfigureAwait(false))
                .ConfigureAwait(false);
        }

        var plan = new PipelinePlan(window, stallEvery, sampleEvery, skus);
        using var client = new IngestClient(service.Address, connections);
        using var poller = new VisibilityPoller(service.Address, pollers);
        await using var alerts = new AlertWatcher(service.Address);
        await alerts.Connected.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        var load = new PipelineLoad(client, plan, poller, batch, connections);

        var warmup = await JitWarmup.RunAsync(
            async (slice, cancel) =>
            {
                var done = await load.RunAsync(slice, rate, measure: false, cancel).ConfigureAwait(false);
                return $"{done.Events:N0} events";
            },
            progress,
            cancellationToken).ConfigureAwait(false);

        progress.WriteLine($"Posting {rate:N0} events/s for {duration.TotalSeconds} s, timing visibility of one order in {sampleEvery}...");
        var gcStart = GcSnapshot.Take();
        var machineStart = MachineCpu.BusyTime();
        var measured = await load.RunAsync(duration, rate, measure: true, cancellationToken).ConfigureAwait(false);
        var gc = gcStart.Until(GcSnapshot.Take());
        var machineBusy = MachineCpu.BusyCoresSince(machineStart, gc.Elapsed);
        var (visible, notVisible, polls) = await poller.CompleteAsync().ConfigureAwait(false);

        progress.WriteLine($"Waiting for the alerts of {load.StalledPicks.Count} stalled orders...");
        var lags = await WaitForAlertsAsync(load, alerts, stall, cancellationToken).ConfigureAwait(false);
        var unexpected = alerts.Arrived.Keys.Count(orderId => !plan.IsStalled(OrderNumber(orderId)));
        await alerts.DisposeAsync().ConfigureAwait(false);
        await service.StopAsync().ConfigureAwait(false);

        var seconds = Stopwatch.GetElapsedTime(measured.Started, measured.LastAck).TotalSeconds;
        return new OrderPipelineResult(
            EventsPerSec: Format.Round(measured.Events / seconds, 0),
            VisibleP99Ms: Format.Milliseconds(visible.PercentileMicroseconds(99)),
            AlertLagP99Ms: Format.Round(Percentile(lags, 99), 1),
            TargetEventsPerSec: rate,
            Seconds: Format.Round(seconds),
            Events: measured.Events,
            Orders: load.OrdersCreated,
            Errors: measured.Errors,
            FirstError: measured.FirstError,
            VisibleP50Ms: Format.Milliseconds(visible.PercentileMicroseconds(50)),
            VisibleP90Ms: Format.Milliseconds(visible.PercentileMicroseconds(90)),
            VisibleMaxMs: Format.Milliseconds(visible.MaxMicroseconds),
            VisibleSamples: visible.Count,
            NotVisible: notVisible,
            Polls: polls,
            AlertLagP50Ms: Format.Round(Percentile(lags, 50), 1),
            AlertLagMaxMs: Format.Round(lags.Count == 0 ? 0 : lags[^1], 1),
            AlertsExpected: load.StalledPicks.Count,
            AlertsSeen: lags.Count,
            UnexpectedStallAlerts: unexpected,
            StallSeconds: stall.TotalSeconds,
            PostP50Ms: Format.Milliseconds(measured.PostLatency.PercentileMicroseconds(50)),
            PostP99Ms: Format.Milliseconds(measured.PostLatency.PercentileMicroseconds(99)),
            Batch: batch,
            Connections: connections,
            Window: window,
            Skus: skuCount,
            BusyCores: Format.Round(gc.BusyCores, 2),
            MachineBusyCores: machineBusy,
            BytesAllocatedPerEvent: Format.Round(measured.Events == 0 ? 0 : (double)gc.AllocatedBytes / measured.Events, 0),
            WarmupSeconds: Format.Round(warmup.TotalSeconds, 1));
    }

    /// <summary>
    /// Waits until every stalled order picked while measuring has its alert, or until the last deadline plus
    /// <see cref="AlertGrace"/>; returns each alerted order's lag after its deadline in milliseconds, sorted.
    /// </summary>
    private static async Task<List<double>> WaitForAlertsAsync(PipelineLoad load, AlertWatcher alerts, TimeSpan stall, CancellationToken cancellationToken)
    {
        var picks = load.StalledPicks.ToArray();
        var giveUpAt = (picks.Length == 0 ? DateTimeOffset.UtcNow : picks.Max(p => p.Value)) + stall + AlertGrace;
        while (picks.Any(p => !alerts.Arrived.ContainsKey(p.Key)) && DateTimeOffset.UtcNow < giveUpAt)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken).ConfigureAwait(false);
        }

        var lags = new List<double>(picks.Length);
        foreach (var (orderId, pickedAt) in picks)
        {
            if (alerts.Arrived.TryGetValue(orderId, out var arrived))
            {
                lags.Add(Math.Max(0, (arrived - (pickedAt + stall)).TotalMilliseconds));
            }
        }

        lags.Sort();
        return lags;
    }

    private static double Percentile(List<double> sorted, double percent) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(percent / 100 * sorted.Count) - 1)];

    private static long OrderNumber(string orderId) =>
        long.TryParse(orderId.AsSpan(orderId.LastIndexOf('-') + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1;
}
