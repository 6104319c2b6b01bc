namespace Grains.Runtime.Tests.Grains;

/// <summary>Requests that hold at a gate, to observe how requests of one activation interleave.</summary>
public interface IWorkGrain : IGrainWithStringKey
{
    /// <summary>Enters, waits for the gate, leaves; returns how many requests were inside at most.</summary>
    Task<int> Work(string gate);

    [ReadOnly]
    Task<int> Read(string gate);

    [AlwaysInterleave]
    Task<int> Interleaved(string gate);

    [ResponseTimeout("00:00:05")]
    Task ShortDeadline(string gate);

    Task Append(int sequence);

    [ReadOnly]
    Task<IReadOnlyList<int>> Log();

    /// <summary>How many Work requests actually ran.</summary>
    [ReadOnly]
    Task<int> Executions();
}
