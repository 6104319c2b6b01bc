using Fulfillment.Contracts;
using Fulfillment.Contracts.Availability;
using Fulfillment.Contracts.Inventory;
using Fulfillment.Grains.Configuration;
using Fulfillment.Grains.Diagnostics;
using Grains;
using Grains.Storage;
using Grains.Streams;
using Microsoft.Extensions.Logging;

namespace Fulfillment.Grains.Inventory;

/// <summary>
/// One SKU in one warehouse: the single writer of its stock. Reentrant so that a hot SKU shares durable writes between
/// requests (<see cref="StateWriteCoalescer{TState}"/>); every request still decides and mutates in one synchronous
/// step with no await between the check and the change, which is what makes oversell impossible. Each change gets a
/// new version, is acknowledged once durable, and is then pushed to the SKU's availability grain.
/// </summary>
[GrainType("inventory")]
[Reentrant]
[ImplicitStreamSubscription(FulfillmentStreams.Inventory)]
internal sealed partial class InventoryGrain : Grain, IInventoryGrain, IRemindable, IStreamSubscriber
{
    /// <summary>The one reminder that expires holds (see <see cref="ExpiryAlarm"/>).</summary>
    internal const string ExpiryReminder = "hold-expiry";

    private static readonly TimeSpan PublishRetryDelay = TimeSpan.FromSeconds(1);

    private readonly IPersistentState<InventoryState> _inventory;
    private readonly StateWriteCoalescer<InventoryState> _writer;
    private readonly TimeProvider _time;
    private readonly WarehouseNetwork _network;
    private readonly InventoryMetrics _metrics;
    private readonly ILogger<InventoryGrain> _logger;
    private readonly ExpiryAlarm _alarm;
    private readonly RowPublisher _publisher;
    private InventoryKey _key;

    // The newest row known to be durable: what reads return, so nothing a failed write may lose is ever shown.
    private InventoryRow? _durableRow;

    public InventoryGrain(
        [PersistentState("inventory")] IPersistentState<InventoryState> inventory,
        TimeProvider time,
        WarehouseNetwork network,
        InventoryMetrics metrics,
        ILogger<InventoryGrain> logger)
    {
        _inventory = inventory;
        _writer = new StateWriteCoalescer<InventoryState>(inventory, DeactivateOnIdle);
        _time = time;
        _network = network;
        _metrics = metrics;
        _logger = logger;
        _alarm = new ExpiryAlarm(dueAt => RegisterOrUpdateReminder(ExpiryReminder, dueAt));
        _publisher = new RowPublisher(
            row => GrainFactory.GetGrain<IAvailabilityGrain>(row.Sku).Publish(row),
            (row, error) => LogPublishFailed(_key.ToString(), row.Version, error),
            () => RegisterGrainTimer(_ => RetryPublish(), new GrainTimerCreationOptions(PublishRetryDelay, Timeout.InfiniteTimeSpan) { Interleave = true }));
    }

    private InventoryState State => _inventory.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = InventoryKey.Parse(GetPrimaryKeyString());
        if (State.IsStocked)
        {
            _durableRow = State.ToRow(_key);
        }

        // Holds loaded from storage keep (or get back) their reminder, whatever happened to the last activation.
        if (State.NextExpiry is { } next)
        {
            var registered = await GetReminder(ExpiryReminder);
            if (registered is not null && registered.StartAt <= next)
            {
                _alarm.Adopt(registered.StartAt);
            }
            else
            {
                await ArmAsync(next);
            }
        }
    }

    public Task<InventoryRow?> GetRow() => Task.FromResult(_durableRow);

    public async Task<InventoryRow> SetLevels(InventoryLevels levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        EnsureInNetwork();
        var now = _time.GetUtcNow();
        ReleaseExpired(now);
        State.SetLevels(levels);
        var row = Stamp(now);
        await CommitAsync(row);
        return row;
    }

    public async Task<HoldOutcome> Hold(StockHold hold)
    {
        ArgumentNullException.ThrowIfNull(hold);
        ArgumentException.ThrowIfNullOrWhiteSpace(hold.ReservationId);
        if (hold.Quantity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(hold), hold.Quantity, $"Quantity is {hold.Quantity}; a hold must be for at least 1.");
        }

        EnsureInNetwork();
        EnsureFuture(hold.ExpiresAt);

        // The reminder that will expire this hold is durable before the hold can be written. Checked in the same
        // synchronous step as the change below: nothing awaits from the last check to the change, so neither a reminder
        // firing nor a concurrent hold can come between them, and concurrent holds are decided one after another.
        while (!_alarm.Covers(hold.ExpiresAt))
        {
            await _alarm.EnsureAsync(hold.ExpiresAt);
        }

        var now = EnsureFuture(hold.ExpiresAt);
        var expired = ReleaseExpired(now);
        var change = State.Hold(hold.ReservationId, hold.Quantity, hold.ExpiresAt);
        var available = State.Available;
        switch (change)
        {
            case HoldChange.Taken:
                _metrics.Held(_key.WarehouseId);
                break;
            case HoldChange.Refused:
                _metrics.Refused(_key.WarehouseId);
                break;
        }

        if (expired > 0 || change is HoldChange.Taken or HoldChange.Amended)
        {
            await CommitAsync(Stamp(now));
        }
        else
        {
            // A repeat answers only once the hold it repeats is durable.
            await DurableAsync();
        }

        return new HoldOutcome(change != HoldChange.Refused, available);
    }

    public async Task<bool> Confirm(string reservationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reservationId);
        var now = _time.GetUtcNow();
        var expired = ReleaseExpired(now);
        var (found, changed) = State.Confirm(reservationId);
        await SettleAsync(now, expired > 0 || changed);
        return found;
    }

    public async Task<bool> Release(string reservationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reservationId);
        var now = _time.GetUtcNow();
        var expired = ReleaseExpired(now);
        var released = State.Release(reservationId);
        await SettleAsync(now, expired > 0 || released);
        return released;
    }

    public async Task<bool> Ship(string reservationId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reservationId);
        var now = _time.GetUtcNow();
        var expired = ReleaseExpired(now);
        var shipped = State.Ship(reservationId);
        await SettleAsync(now, expired > 0 || shipped);
        return shipped;
    }

    /// <summary>Stamps the change just made (within the turn) and returns the row it produced.</summary>
    private InventoryRow Stamp(DateTimeOffset now)
    {
        State.Stamp(now);
        return State.ToRow(_key);
    }

    /// <summary>Makes the change durable — sharing the write with every change made meanwhile — then shows and pushes its row, and returns once the view has it.</summary>
    private async Task CommitAsync(InventoryRow row)
    {
        await _writer.WriteAsync();
        if (_durableRow is null || row.Version > _durableRow.Version)
        {
            _durableRow = row;
        }

        // Answered once the SKU's view shows the change too: read-your-write ATP for whoever made it.
        await _publisher.Publish(row);
    }

    private Task SettleAsync(DateTimeOffset now, bool changed) => changed ? CommitAsync(Stamp(now)) : DurableAsync();

    /// <summary>Completes once everything in memory is durable (at once when it already is).</summary>
    private Task DurableAsync() => (_durableRow?.Version ?? 0) == State.Version ? Task.CompletedTask : _writer.WriteAsync();

    private int ReleaseExpired(DateTimeOffset now)
    {
        var count = State.ReleaseExpired(now);
        if (count > 0)
        {
            _metrics.Expired(_key.WarehouseId, count);
            LogHoldsExpired(_key.ToString(), count);
        }

        return count;
    }

    /// <summary>Returns now, having checked that <paramref name="expiresAt"/> is after it.</summary>
    private DateTimeOffset EnsureFuture(DateTimeOffset expiresAt)
    {
        var now = _time.GetUtcNow();
        return expiresAt > now
            ? now
            : throw new ArgumentOutOfRangeException(nameof(expiresAt), expiresAt, $"ExpiresAt is {expiresAt:O}; a hold must expire after now ({now:O}).");
    }

    private void EnsureInNetwork()
    {
        if (!_network.Contains(_key.WarehouseId))
        {
            throw new InventoryRuleException(
                $"Warehouse '{_key.WarehouseId}' is not in the network (Fulfillment:Warehouses); stock cannot be set, received or held there.");
        }
    }

    private Task RetryPublish()
    {
        _publisher.Retry();
        return Task.CompletedTask;
    }
}
