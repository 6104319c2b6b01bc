namespace Grains.Sqlite.Tests.Integration;

public sealed class LedgerState
{
    public int Balance { get; set; }

    public List<string> Entries { get; set; } = [];
}
