using Grains.Streams;

namespace Grains.Runtime.Tests.Grains;

public sealed class ProjectionState
{
    public ProcessedEventWindow Processed { get; set; } = new();

    public List<string> Applied { get; set; } = [];
}
