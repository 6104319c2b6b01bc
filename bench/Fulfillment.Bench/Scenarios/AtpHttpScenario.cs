using System.Net;
using Fulfillment.Api.Hosting;
using Fulfillment.Bench.Cli;
using Fulfillment.Bench.Hosting;
using Fulfillment.Bench.Measurement;
using Fulfillment.Bench.Results;
using Fulfillment.Bench.Storefront;

namespace Fulfillment.Bench.Scenarios;

/// <summary>
/// The ATP route over real HTTP against the floor of the HTTP stack. The service runs in process with Kestrel on
/// loopback and SQLite storage; stock is seeded for every SKU in every warehouse through the inventory route. The
/// peak phase runs <c>GET /health/live</c> and <c>GET /api/v1/atp/{sku}</c> (SKUs in turn) flat out on the same
/// keep-alive connections, in alternating one-second slices so that a neighbour's load on the machine falls on both
/// alike. The latency phase paces ATP requests at half the peak rate (open loop) and times each one.
/// </summary>
internal sealed class AtpHttpScenario : IScenario
{
    // Concurrent PUTs while seeding: enough to group the inventory grains' durable writes.
    private const int SeedLoops = 16;

    public string Name => AtpHttpResult.ScenarioName;

    public string Description => "GET /api/v1/atp/{sku} against GET /health/live over loopback HTTP, flat out: req/s and their ratio; then ATP latency paced at half its peak.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("seconds", "N", "seconds per endpoint at peak, in one-second slices, and of the paced phase (default 10, after a 2-30 s warm-up)"),
        new("connections", "N", "concurrent request loops at peak, one keep-alive connection each (default 16)"),
        new("paced-connections", "N", "request loops of the paced phase (default: half of --connections, as it is half the rate)"),
        new("skus", "N", "SKUs stocked in every warehouse, read in turn (default 1000)"),
        new("rate", "N", "ATP requests/s of the latency phase (default: half of the peak ATP req/s)"),
    ];

    public async Task<ScenarioResult> RunAsync(ScenarioOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var seconds = options.GetSeconds("seconds", 10, min: 1);
        var connections = options.GetInt32("connections", 16, min: 1, max: 1_000);
        // Half the rate needs half the requests in flight at the same latency (Little's law). More loops than that
        // only add bursts: paced loops wake on the timer's millisecond ticks, so every loop due meanwhile sends at once.
        var pacedConnections = options.GetInt32("paced-connections", Math.Max(1, connections / 2), min: 1, max: 1_000);
        var skuCount = options.GetInt32("skus", 1_000, min: 1, max: 1_000_000);
        var rate = options.GetInt32("rate", 0, min: 1, max: 10_000_000);

        using var directory = new TempDirectory();
        await using var service = await BenchService.StartAsync(new BenchServiceSetup(StorageProvider.Sqlite, directory.File("fulfillment.db")), cancellationToken)
            .ConfigureAwait(false);
        using var client = new StorefrontClient(service.Address, Math.Max(Math.Max(connections, pacedConnections), SeedLoops));
        var skus = Enumerable.Range(0, skuCount).Select(i => $"ATP-{i:D6}").ToArray();
        var warehouses = service.WarehouseIds;
        progress.WriteLine($"Service on {service.Address}; stocking {skuCount:N0} SKUs in {warehouses.Count} warehouses...");
        await SeedAsync(client, skus, warehouses, cancellationToken).ConfigureAwait(false);

        var atpUris = skus.Select(client.Atp).ToArray();
        var atp = new RequestTarget("atp", n => new HttpRequestMessage(HttpMethod.Get, atpUris[n % atpUris.Length]), HttpStatusCode.OK);
        var health = new RequestTarget("health", _ => new HttpRequestMessage(HttpMethod.Get, client.Health), HttpStatusCode.OK);
        var warmup = await JitWarmup.RunAsync(
            async (slice, cancel) =>
            {
                var tally = new RequestTally();
                await RequestLoad.RunAsync(client, health, LoadSchedule.FlatOut(slice / 2), connections, tally, cancel).ConfigureAwait(false);
                await RequestLoad.RunAsync(client, atp, LoadSchedule.FlatOut(slice / 2), connections, tally, cancel).ConfigureAwait(false);
                return $"{tally.Succeeded:N0} requests";
            },
            progress,
            cancellationToken).ConfigureAwait(false);

        var (rounds, slice) = PhaseSlices.OfAboutOneSecond(seconds);
        progress.WriteLine($"Peak: health and ATP flat out in {rounds} alternating slices of {slice.TotalSeconds:0.###} s each...");
        var atpPeak = new RequestTally();
        var healthPeak = new RequestTally();
        var peakStart = GcSnapshot.Take();
        var peakMachineStart = MachineCpu.BusyTime();
        for (var round = 0; round < rounds; round++)
        {
            // Alternate which goes first, so neither always follows the other's garbage.
            var order = round % 2 == 0 ? new[] { (health, healthPeak), (atp, atpPeak) } : [(atp, atpPeak), (health, healthPeak)];
            foreach (var (endpoint, tally) in order)
            {
                await RequestLoad.RunAsync(client, endpoint, LoadSchedule.FlatOut(slice), connections, tally, cancellationToken).ConfigureAwait(false);
            }
        }

        var peakGc = peakStart.Until(GcSnapshot.Take());
        var peakMachineBusy = MachineCpu.BusyCoresSince(peakMachineStart, peakGc.Elapsed);
        progress.WriteLine($"  ATP {atpPeak.SucceededPerSecond:N0} req/s, health {healthPeak.SucceededPerSecond:N0} req/s");

        var pacedRate = Math.Max(rate > 0 ? rate : atpPeak.SucceededPerSecond / 2, 1);
        progress.WriteLine($"Paced: ATP at {pacedRate:N0} req/s for {seconds} s from {pacedConnections} loops...");
        var paced = new RequestTally();
        var pacedStart = GcSnapshot.Take();
        var pacedMachineStart = MachineCpu.BusyTime();
        await RequestLoad.RunAsync(client, atp, LoadSchedule.Paced(TimeSpan.FromSeconds(seconds), pacedRate), pacedConnections, paced, cancellationToken)
            .ConfigureAwait(false);
        var pacedGc = pacedStart.Until(GcSnapshot.Take());
        var pacedMachineBusy = MachineCpu.BusyCoresSince(pacedMachineStart, pacedGc.Elapsed);

        await service.StopAsync().ConfigureAwait(false);
        return Result(atpPeak, healthPeak, paced, pacedRate, skuCount, warehouses.Count, connections, pacedConnections, seconds, rounds, peakGc, peakMachineBusy, pacedGc, pacedMachineBusy, warmup);
    }

    /// <summary>Stocks every SKU in every warehouse through the inventory route, then checks one SKU's ATP adds up.</summary>
    private static async Task SeedAsync(StorefrontClient client, string[] skus, IReadOnlyList<string> warehouses, CancellationToken cancellationToken)
    {
        await Partitioned.RunAsync(
            skus.Length * warehouses.Count,
            SeedLoops,
            i => new ValueTask(client.SetStockAsync(warehouses[i % warehouses.Count], skus[i / warehouses.Count], OnHand(i), cancellationToken)))
            .ConfigureAwait(false);

        var read = await client.GetAtpAsync(skus[0], cancellationToken).ConfigureAwait(false);
        var expected = Enumerable.Range(0, warehouses.Count).Sum(OnHand);
        if (read.Available != expected || read.Warehouses.Count != warehouses.Count)
        {
            throw new InvalidOperationException(
                $"ATP of {skus[0]} shows {read.Available} available in {read.Warehouses.Count} warehouses after seeding; {expected} in {warehouses.Count} were set.");
        }
    }

    /// <summary>The stock seeded for position <paramref name="index"/> (SKU × warehouse): varied, never zero.</summary>
    private static int OnHand(int index) => 10 + (index % 90);

    private static AtpHttpResult Result(
        RequestTally atpPeak,
        RequestTally healthPeak,
        RequestTally paced,
        double pacedRate,
        int skus,
        int warehouses,
        int connections,
        int pacedConnections,
        double seconds,
        int rounds,
        GcWindow peakGc,
        double? peakMachineBusy,
        GcWindow pacedGc,
        double? pacedMachineBusy,
        TimeSpan warmup)
    {
        var latency = paced.RoundTrips();
        var atpRoundTrips = atpPeak.RoundTrips();
        var healthRoundTrips = healthPeak.RoundTrips();
        var tallies = new[] { atpPeak, healthPeak, paced };
        return new AtpHttpResult(
            AtpRps: Format.Round(atpPeak.SucceededPerSecond, 0),
            HealthRps: Format.Round(healthPeak.SucceededPerSecond, 0),
            Ratio: Format.Round(healthPeak.SucceededPerSecond > 0 ? atpPeak.SucceededPerSecond / healthPeak.SucceededPerSecond : 0),
            P99Ms: Format.Milliseconds(latency.PercentileMicroseconds(99)),
            P50Ms: Format.Milliseconds(latency.PercentileMicroseconds(50)),
            P90Ms: Format.Milliseconds(latency.PercentileMicroseconds(90)),
            P999Ms: Format.Milliseconds(latency.PercentileMicroseconds(99.9)),
            MaxMs: Format.Milliseconds(latency.MaxMicroseconds),
            PacedTargetRps: Format.Round(pacedRate, 0),
            PacedRps: Format.Round(paced.SucceededPerSecond, 0),
            PacedSendDelayP99Ms: Format.Milliseconds(paced.SendDelays().PercentileMicroseconds(99)),
            AtpPeakP50Ms: Format.Milliseconds(atpRoundTrips.PercentileMicroseconds(50)),
            AtpPeakP99Ms: Format.Milliseconds(atpRoundTrips.PercentileMicroseconds(99)),
            HealthPeakP50Ms: Format.Milliseconds(healthRoundTrips.PercentileMicroseconds(50)),
            HealthPeakP99Ms: Format.Milliseconds(healthRoundTrips.PercentileMicroseconds(99)),
            AtpRequests: atpPeak.Requests,
            HealthRequests: healthPeak.Requests,
            PacedRequests: paced.Requests,
            Errors: tallies.Sum(t => t.Failed),
            FirstError: tallies.Select(t => t.FirstFailure).FirstOrDefault(f => f is not null)?.ToString(),
            Skus: skus,
            Warehouses: warehouses,
            Connections: connections,
            PacedConnections: pacedConnections,
            Seconds: Format.Round(seconds),
            Rounds: rounds,
            BusyCores: Format.Round(peakGc.BusyCores, 2),
            MachineBusyCores: peakMachineBusy,
            PacedBusyCores: Format.Round(pacedGc.BusyCores, 2),
            PacedMachineBusyCores: pacedMachineBusy,
            WarmupSeconds: Format.Round(warmup.TotalSeconds, 1));
    }
}
