using Fulfillment.Bench.Measurement;
using Grains.Hosting;

namespace Fulfillment.Bench.Scenarios;

/// <summary>
/// The grain storage a state-writes run uses: how to register it, the histograms it records per commit, how durable a
/// commit is (<c>full</c>: survives power loss) and where the data lives, for the result line.
/// </summary>
internal sealed record BenchStorage(Action<ISiloBuilder> Configure, CommitInstruments Instruments, string Synchronous, string Location);
