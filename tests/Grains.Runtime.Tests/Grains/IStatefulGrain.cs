namespace Grains.Runtime.Tests.Grains;

public interface IStatefulGrain : IGrainWithStringKey
{
    Task<int> Increment(string note);

    [ReadOnly]
    Task<int> Value();

    [ReadOnly]
    Task<IReadOnlyList<string>> History();

    [ReadOnly]
    Task<string?> Etag();

    [ReadOnly]
    Task<bool> RecordExists();

    /// <summary>The value the grain saw in OnActivateAsync: proves state is read before activation.</summary>
    [ReadOnly]
    Task<int> ValueSeenOnActivate();

    Task Clear();

    Task Deactivate();
}
