using Grains.Streams;

namespace Grains.PostgreSql;

/// <summary>What one append stored: positions in the order given, duplicates skipped, and the partitions written, ascending.</summary>
internal sealed record StreamAppendOutcome(IReadOnlyList<StreamPosition> Appended, int Duplicates, int[] Partitions);
