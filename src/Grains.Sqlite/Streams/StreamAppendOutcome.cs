using Grains.Streams;

namespace Grains.Sqlite;

/// <summary>What an append stored: the positions of its new events in order, its duplicates, and the partitions written (ascending).</summary>
internal sealed record StreamAppendOutcome(List<StreamPosition> Appended, int Duplicates, int[] Partitions);
