using System.Text.Json;

namespace Fulfillment.Bench.Results;

/// <summary>Prints the summary, then the result as one JSON object on the last line of the output.</summary>
internal static class ResultWriter
{
    public static void Write(TextWriter writer, ScenarioResult result)
    {
        result.WriteSummary(writer);
        writer.WriteLine(JsonSerializer.Serialize(result, ResultJsonContext.Default.ScenarioResult));
        writer.Flush();
    }
}
