namespace Grains.Streams;

/// <summary>
/// Dead letters in process memory, for tests and single-process runs: lost with the instance. Listing is oldest
/// first by <see cref="DeadLetter.FailedAt"/>, then by the order added; adding an id that is already there throws
/// <see cref="InvalidOperationException"/>. Bodies are copied in and out.
/// </summary>
public sealed class MemoryDeadLetterStore : IDeadLetterStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (DeadLetter Letter, long Order)> _letters = new(StringComparer.Ordinal);
    private long _nextOrder;

    public Task AddAsync(DeadLetter letter, CancellationToken cancellationToken = default)
    {
        DeadLetterChecks.ThrowIfInvalid(letter, nameof(letter));
        cancellationToken.ThrowIfCancellationRequested();
        var copy = WithOwnBody(letter);
        lock (_lock)
        {
            if (!_letters.TryAdd(letter.Id, (copy, _nextOrder)))
            {
                throw DeadLetterChecks.AlreadyExists(letter.Id);
            }

            _nextOrder++;
        }

        return Task.CompletedTask;
    }

    public Task<DeadLetter?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_lock)
        {
            return Task.FromResult(_letters.TryGetValue(id, out var entry) ? WithOwnBody(entry.Letter) : null);
        }
    }

    public Task<IReadOnlyList<DeadLetter>> ListAsync(int limit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<DeadLetter>>(
                [.. _letters.Values.OrderBy(e => e.Letter.FailedAt).ThenBy(e => e.Order).Take(limit).Select(e => WithOwnBody(e.Letter))]);
        }
    }

    public Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_letters.Count);
        }
    }

    public Task<bool> RemoveAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(id);
        lock (_lock)
        {
            return Task.FromResult(_letters.Remove(id));
        }
    }

    private static DeadLetter WithOwnBody(DeadLetter letter) => letter with { Event = letter.Event with { Body = letter.Event.Body.ToArray() } };
}
