namespace Grains.Sqlite;

/// <summary>Events a trim removed, and expired event ids it purged in the same transaction.</summary>
internal readonly record struct StreamTrimOutcome(int Removed, int Purged);
