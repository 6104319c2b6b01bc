namespace Grains.Streams;

/// <summary>Durable dead letters. Ids are unique; listing is oldest first.</summary>
public interface IDeadLetterStore
{
    Task AddAsync(DeadLetter letter, CancellationToken cancellationToken = default);

    Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken = default);

    Task<int> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes a dead letter (after a successful replay); false if it was not there.</summary>
    Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default);
}
