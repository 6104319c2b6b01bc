using System.Net;
using Fulfillment.Api.Availability;
using Fulfillment.Api.Hosting;
using Fulfillment.Bench.Cli;
using Fulfillment.Bench.Hosting;
using Fulfillment.Bench.Measurement;
using Fulfillment.Bench.Results;
using Fulfillment.Bench.Storefront;

namespace Fulfillment.Bench.Scenarios;

/// <summary>
/// Reservations over real HTTP on one SKU, with the service's durable default (SQLite, <c>synchronous=FULL</c>): a 201
/// means the hold and its reservation are on disk. The burst releases many clients at once, each reserving 1 unit of
/// a SKU with little stock, and checks that exactly the stock is held, the rest refused with 409, and ATP shows none
/// left. The sustained phase measures durable reservations per second on one hot SKU stocked for the whole run, with
/// concurrent clients reserving 1 unit each under fresh reservation ids.
/// </summary>
internal sealed class ReserveContentionScenario : IScenario
{
    private const string BurstSku = "CONTENDED-1";
    private const string WarmupSku = "WARMUP-1";
    private const string HotSku = "HOT-1";

    // The most the inventory route accepts for on hand: stock for every hold a run can make.
    private const int PlentifulStock = 100_000_000;

    public string Name => ReserveContentionResult.ScenarioName;

    public string Description => "Reservations over loopback HTTP, durable in SQLite: a burst of clients for 1 unit each of a scarce SKU (held/refused/oversold), then sustained reservations/s on one hot SKU.";

    public IReadOnlyList<OptionSpec> Options { get; } =
    [
        new("clients", "N", "clients of the burst, each reserving 1 unit at the same moment on its own connection (default 1000)"),
        new("stock", "N", "on hand of the burst's SKU (default 100)"),
        new("seconds", "N", "seconds of the sustained phase, in one-second slices (default 10, after a 2-30 s warm-up on another SKU)"),
        new("connections", "N", "concurrent clients of the sustained phase, one keep-alive connection each (default 128)"),
    ];

    public async Task<ScenarioResult> RunAsync(ScenarioOptions options, TextWriter progress, CancellationToken cancellationToken)
    {
        var clients = options.GetInt32("clients", 1_000, min: 1, max: 10_000);
        var stock = options.GetInt32("stock", 100, min: 0, max: PlentifulStock);
        var seconds = options.GetSeconds("seconds", 10, min: 1);
        var connections = options.GetInt32("connections", 128, min: 1, max: 1_000);

        using var directory = new TempDirectory();
        using var metrics = new MetricProbe(CommitInstruments.Sqlite.Names);
        await using var service = await BenchService.StartAsync(new BenchServiceSetup(StorageProvider.Sqlite, directory.File("fulfillment.db")), cancellationToken)
            .ConfigureAwait(false);
        var warehouse = service.WarehouseIds[0];
        progress.WriteLine($"Service on {service.Address}; {BurstSku} stocked with {stock:N0} in {warehouse}; {clients:N0} clients reserve 1 unit each at once...");

        BurstOutcome burst;
        AtpResponse afterBurst;
        using (var burstClient = new StorefrontClient(service.Address, clients))
        {
            await burstClient.SetStockAsync(warehouse, BurstSku, stock, cancellationToken).ConfigureAwait(false);
            burst = await ReservationBurst.RunAsync(burstClient, BurstSku, clients, cancellationToken).ConfigureAwait(false);
            afterBurst = await burstClient.GetAtpAsync(BurstSku, cancellationToken).ConfigureAwait(false);
        }

        progress.WriteLine($"  held {burst.Held}, refused {burst.Refused}, failed {burst.Failed} in {burst.Elapsed.TotalMilliseconds:N0} ms; ATP available {afterBurst.Available}");

        using var client = new StorefrontClient(service.Address, connections);
        await client.SetStockAsync(warehouse, WarmupSku, PlentifulStock, cancellationToken).ConfigureAwait(false);
        await client.SetStockAsync(warehouse, HotSku, PlentifulStock, cancellationToken).ConfigureAwait(false);
        var warmupSlices = 0;
        var warmup = await JitWarmup.RunAsync(
            async (slice, cancel) =>
            {
                var tally = new RequestTally();
                var target = Reservations(client, $"warm{warmupSlices++}", WarmupSku);
                await RequestLoad.RunAsync(client, target, LoadSchedule.FlatOut(slice), connections, tally, cancel).ConfigureAwait(false);
                return $"{tally.SucceededPerSecond:N0} reservations/s";
            },
            progress,
            cancellationToken).ConfigureAwait(false);

        var (slices, sliceLength) = PhaseSlices.OfAboutOneSecond(seconds);
        progress.WriteLine($"Sustained: {connections} clients reserving 1 unit each of {HotSku} for {seconds} s...");
        metrics.Reset();
        var sustained = new RequestTally();
        var sliceRates = new List<double>(slices);
        var gcStart = GcSnapshot.Take();
        var machineStart = MachineCpu.BusyTime();
        for (var i = 0; i < slices; i++)
        {
            var (heldBefore, elapsedBefore) = (sustained.Succeeded, sustained.Elapsed);
            var target = Reservations(client, $"hot{i}", HotSku);
            await RequestLoad.RunAsync(client, target, LoadSchedule.FlatOut(sliceLength), connections, sustained, cancellationToken).ConfigureAwait(false);
            sliceRates.Add(Format.Round((sustained.Succeeded - heldBefore) / (sustained.Elapsed - elapsedBefore).TotalSeconds, 0));
        }

        var gc = gcStart.Until(GcSnapshot.Take());
        var machineBusy = MachineCpu.BusyCoresSince(machineStart, gc.Elapsed);
        var commits = StorageCommits.Read(metrics, CommitInstruments.Sqlite);
        var afterSustained = await client.GetAtpAsync(HotSku, cancellationToken).ConfigureAwait(false);
        progress.WriteLine($"  {sustained.SucceededPerSecond:N0} reservations/s; ATP reserved {Reserved(afterSustained):N0} after {sustained.Succeeded:N0} holds");

        await service.StopAsync().ConfigureAwait(false);
        var latency = sustained.RoundTrips();
        return new ReserveContentionResult(
            Held: burst.Held,
            Refused: burst.Refused,
            Oversold: Math.Max(0, burst.Held - stock),
            ReservationsPerSec: Format.Round(sustained.SucceededPerSecond, 0),
            Clients: clients,
            Stock: stock,
            BurstFailed: burst.Failed,
            FirstBurstError: burst.FirstFailure?.ToString(),
            AtpAvailable: afterBurst.Available,
            AtpReserved: Reserved(afterBurst),
            BurstMs: Format.Round(burst.Elapsed.TotalMilliseconds, 1),
            BurstP50Ms: Format.Milliseconds(burst.RoundTrips.PercentileMicroseconds(50)),
            BurstP99Ms: Format.Milliseconds(burst.RoundTrips.PercentileMicroseconds(99)),
            Seconds: Format.Round(sustained.Elapsed.TotalSeconds),
            Connections: connections,
            SustainedHeld: sustained.Succeeded,
            SustainedFailed: sustained.Failed,
            FirstSustainedError: sustained.FirstFailure?.ToString(),
            SustainedReserved: Reserved(afterSustained),
            P50Ms: Format.Milliseconds(latency.PercentileMicroseconds(50)),
            P90Ms: Format.Milliseconds(latency.PercentileMicroseconds(90)),
            P99Ms: Format.Milliseconds(latency.PercentileMicroseconds(99)),
            P999Ms: Format.Milliseconds(latency.PercentileMicroseconds(99.9)),
            MaxMs: Format.Milliseconds(latency.MaxMicroseconds),
            SliceReservationsPerSec: sliceRates,
            Commits: commits.Count,
            MeanWritesPerCommit: Format.Round(commits.MeanWritesPerCommit, 1),
            MeanCommitMs: Format.Round(commits.MeanCommitMs),
            BusyCores: Format.Round(gc.BusyCores, 2),
            MachineBusyCores: machineBusy,
            BytesAllocatedPerReservation: Format.Round(sustained.Succeeded == 0 ? 0 : (double)gc.AllocatedBytes / sustained.Succeeded, 0),
            GcGen0: gc.Gen0,
            GcGen1: gc.Gen1,
            GcGen2: gc.Gen2,
            GcPauseMs: Format.Round(gc.PausedMilliseconds),
            WarmupSeconds: Format.Round(warmup.TotalSeconds, 1));
    }

    /// <summary>1 unit of <paramref name="sku"/> per request, under the ids <c>{prefix}-{n}</c>: each request a new reservation.</summary>
    private static RequestTarget Reservations(StorefrontClient client, string prefix, string sku) =>
        new($"reserve {sku}", n => client.Reserve($"{prefix}-{n}", sku, 1), HttpStatusCode.Created);

    private static int Reserved(AtpResponse atp) => atp.Warehouses.Sum(w => w.Reserved);
}
