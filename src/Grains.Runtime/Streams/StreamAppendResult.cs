namespace Grains.Streams;

/// <summary>
/// The outcome of appending a batch: where each event that was new landed (in the order given), and how many were
/// duplicates of events already in the log or earlier in the same batch (not appended again).
/// </summary>
public sealed record StreamAppendResult(IReadOnlyList<StreamPosition> Appended, int Duplicates);
