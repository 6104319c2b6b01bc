using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Grains.Runtime.Catalog;
using Grains.Runtime.Cluster;

namespace Grains.Storage;

/// <summary>
/// The <see cref="IPersistentState{TState}"/> handed to a grain: serializes the state with System.Text.Json and keeps
/// the ETag for optimistic concurrency. Writes carry the activation's lease fence. A write that loses the race, or is
/// fenced off because another silo claimed the partition, deactivates the activation, so the next call starts from
/// what storage really holds, on the partition's owner.
/// </summary>
internal sealed class PersistentState<TState> : IPersistentState<TState>, IActivationStateLoader
    where TState : new()
{
    private readonly ActivationData _activation;
    private readonly IGrainStorage _storage;
    private readonly string _storageName;
    private readonly GrainStateKey _key;
    private readonly JsonTypeInfo<TState> _typeInfo;

    public PersistentState(ActivationData activation, string stateName, string storageName, IGrainStorage storage)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateName);
        _activation = activation;
        _storage = storage;
        _storageName = storageName;
        _key = GrainStateKey.For(activation.GrainId, stateName);
        _typeInfo = (JsonTypeInfo<TState>)activation.Runtime.SerializerOptions.GetTypeInfo(typeof(TState));
        State = new TState();
    }

    public TState State { get; set; }

    public string? Etag { get; private set; }

    public bool RecordExists { get; private set; }

    public Task LoadAsync(CancellationToken cancellationToken) => ReadStateAsync(cancellationToken);

    public async Task ReadStateAsync(CancellationToken cancellationToken = default)
    {
        var record = await _storage.ReadAsync(_key, cancellationToken).ConfigureAwait(false);
        Etag = record?.Etag;
        RecordExists = record?.Data is not null;
        State = record?.Data is { } data ? JsonSerializer.Deserialize(data, _typeInfo) ?? new TState() : new TState();
    }

    public async Task WriteStateAsync(CancellationToken cancellationToken = default)
    {
        var data = JsonSerializer.SerializeToUtf8Bytes(State, _typeInfo);
        var started = _activation.Runtime.Time.GetTimestamp();
        try
        {
            Etag = await _storage.WriteAsync(_key, data, Etag, _activation.Fence, cancellationToken).ConfigureAwait(false);
            RecordExists = true;
        }
        catch (InconsistentStateException)
        {
            _activation.StartDeactivation(DeactivationReason.InconsistentState);
            throw;
        }
        catch (StaleLeaseException)
        {
            _activation.StartDeactivation(DeactivationReason.StaleLease);
            throw;
        }
        finally
        {
            _activation.Runtime.Metrics.StateWritten(_storageName, _activation.Runtime.Time.GetElapsedTime(started));
        }
    }

    public async Task ClearStateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            Etag = await _storage.ClearAsync(_key, Etag, _activation.Fence, cancellationToken).ConfigureAwait(false);
        }
        catch (InconsistentStateException)
        {
            _activation.StartDeactivation(DeactivationReason.InconsistentState);
            throw;
        }
        catch (StaleLeaseException)
        {
            _activation.StartDeactivation(DeactivationReason.StaleLease);
            throw;
        }

        RecordExists = false;
        State = new TState();
    }
}
