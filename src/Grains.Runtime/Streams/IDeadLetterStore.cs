namespace Grains.Streams;

/// <summary>
/// Durable dead letters. Ids are unique and a letter is never replaced. Listing is oldest first by
/// <see cref="DeadLetter.FailedAt"/>; letters that failed at the same time are listed in the order they were added.
/// </summary>
public interface IDeadLetterStore
{
    /// <summary>Stores <paramref name="letter"/>.</summary>
    /// <exception cref="InvalidOperationException">A letter with the same id is already stored; it is kept unchanged.</exception>
    Task AddAsync(DeadLetter letter, CancellationToken cancellationToken = default);

    Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="limit"/> letters, oldest failure first, ties in the order added.</summary>
    Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken = default);

    Task<int> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>Removes a dead letter (after a successful replay); false if it was not there.</summary>
    Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default);
}
