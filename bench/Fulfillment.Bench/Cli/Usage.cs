using Fulfillment.Bench.Scenarios;

namespace Fulfillment.Bench.Cli;

internal static class Usage
{
    public static void Write(TextWriter writer, IReadOnlyList<IScenario> scenarios)
    {
        writer.WriteLine("Usage: dotnet run -c Release --project bench/Fulfillment.Bench -- <scenario> [options]");
        writer.WriteLine();
        writer.WriteLine("Prints a summary, then one JSON object as the last line of standard output.");
        writer.WriteLine();
        writer.WriteLine("Scenarios:");
        foreach (var scenario in scenarios)
        {
            writer.WriteLine($"  {scenario.Name}");
            writer.WriteLine($"      {scenario.Description}");
            foreach (var option in scenario.Options)
            {
                var syntax = $"--{option.Name} {option.ValueName}";
                writer.WriteLine($"      {syntax,-26} {option.Description}");
            }
        }
    }
}
