using Fulfillment.Bench.Cli;
using Fulfillment.Bench.Results;
using Fulfillment.Bench.Scenarios;

namespace Fulfillment.Bench;

/// <summary>Picks the scenario named on the command line, runs it, and prints its result; usage errors exit with 2.</summary>
internal static class BenchApp
{
    public const int Succeeded = 0;
    public const int Failed = 1;
    public const int BadUsage = 2;

    private static readonly IScenario[] AllScenarios =
    [
        new GrainCallsScenario(),
        new ActivationsScenario(),
        new StateWritesScenario(),
        new IngestScenario(),
        new AtpHttpScenario(),
        new ReserveContentionScenario(),
        new StreamLogScenario(),
        new OrderPipelineScenario(),
    ];

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Usage.Write(args.Length == 0 ? error : output, AllScenarios);
            return args.Length == 0 ? BadUsage : Succeeded;
        }

        var scenario = AllScenarios.FirstOrDefault(s => s.Name == args[0]);
        if (scenario is null)
        {
            error.WriteLine($"Unknown scenario '{args[0]}'.");
            Usage.Write(error, AllScenarios);
            return BadUsage;
        }

        using var canceled = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            canceled.Cancel();
        };

        try
        {
            var options = ScenarioOptions.Parse(args[1..], scenario.Options);
            var result = await scenario.RunAsync(options, error, canceled.Token).ConfigureAwait(false);
            ResultWriter.Write(output, result);
            var failedChecks = result.FailedChecks().ToList();
            foreach (var check in failedChecks)
            {
                error.WriteLine($"{scenario.Name} check failed: {check}");
            }

            return failedChecks.Count == 0 ? Succeeded : Failed;
        }
        catch (UsageException usage)
        {
            error.WriteLine(usage.Message);
            Usage.Write(error, AllScenarios);
            return BadUsage;
        }
        catch (OperationCanceledException) when (canceled.IsCancellationRequested)
        {
            error.WriteLine("Canceled.");
            return Failed;
        }
        catch (Exception failure)
        {
            error.WriteLine($"{scenario.Name} failed: {failure}");
            return Failed;
        }
    }
}
