using System.Text.Json.Serialization;
using Fulfillment.Contracts.Inventory;
using Grains.Streams;

namespace Fulfillment.Grains.Inventory;

/// <summary>
/// The persisted position of one SKU in one warehouse, and the rules that change it. Every method decides and mutates
/// in one synchronous step; the grain makes the result durable. Reserved (holds + allocations) and the next expiry are
/// derived, cached in memory and never stored.
/// </summary>
internal sealed class InventoryState
{
    private int? _reserved;
    private DateTimeOffset? _nextExpiry;
    private bool _nextExpiryKnown;

    public int OnHand { get; set; }

    public int SafetyStock { get; set; }

    public int Inbound { get; set; }

    /// <summary>Holds and allocations by reservation id.</summary>
    public Dictionary<string, HoldState> Holds { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Increases with every change; 0 means the warehouse has never stocked the SKU.</summary>
    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>Stream events already applied, so a redelivery changes nothing.</summary>
    public ProcessedEventWindow Processed { get; set; } = new();

    [JsonIgnore]
    public bool IsStocked => Version > 0;

    [JsonIgnore]
    public int Reserved => _reserved ??= Holds.Values.Sum(h => h.Quantity);

    /// <summary>On hand − reserved − safety stock, never negative (levels set below what is reserved give 0).</summary>
    [JsonIgnore]
    public int Available => Math.Max(0, OnHand - Reserved - SafetyStock);

    /// <summary>The earliest expiry of a hold, or null when nothing can expire.</summary>
    [JsonIgnore]
    public DateTimeOffset? NextExpiry
    {
        get
        {
            if (!_nextExpiryKnown)
            {
                _nextExpiry = Holds.Values.Min(h => h.ExpiresAt);
                _nextExpiryKnown = true;
            }

            return _nextExpiry;
        }
    }

    public InventoryRow ToRow(InventoryKey key) =>
        new(key.WarehouseId, key.Sku, OnHand, Reserved, SafetyStock, Inbound, Version, UpdatedAt);

    /// <summary>Records a change: the version moves on, whatever changed.</summary>
    public void Stamp(DateTimeOffset now)
    {
        Version++;
        UpdatedAt = now;
    }

    public void SetLevels(InventoryLevels levels)
    {
        ArgumentNullException.ThrowIfNull(levels);
        NotNegative(levels.OnHand, nameof(levels.OnHand));
        NotNegative(levels.SafetyStock, nameof(levels.SafetyStock));
        if (levels.Inbound is { } inbound)
        {
            NotNegative(inbound, nameof(levels.Inbound));
            Inbound = inbound;
        }

        OnHand = levels.OnHand;
        SafetyStock = levels.SafetyStock;
    }

    /// <summary>The on-hand quantity after receiving <paramref name="quantity"/>; throws on overflow, before anything changes.</summary>
    public int OnHandAfterReceiving(int quantity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        return checked(OnHand + quantity);
    }

    public void SetOnHand(int onHand)
    {
        NotNegative(onHand, nameof(onHand));
        OnHand = onHand;
    }

    /// <summary>
    /// Holds <paramref name="quantity"/> for a reservation. A hold is keyed by reservation id: asking again for the same
    /// quantity changes nothing (a later expiry extends it); another quantity re-sizes it when the difference is
    /// available. A confirmed allocation is never re-sized.
    /// </summary>
    public HoldChange Hold(string reservationId, int quantity, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reservationId);
        ArgumentOutOfRangeException.ThrowIfLessThan(quantity, 1);
        if (!Holds.TryGetValue(reservationId, out var existing))
        {
            if (quantity > Available)
            {
                return HoldChange.Refused;
            }

            _reserved = Reserved + quantity;
            Holds[reservationId] = new HoldState { Quantity = quantity, ExpiresAt = expiresAt };
            if (_nextExpiryKnown && (_nextExpiry is null || expiresAt < _nextExpiry))
            {
                _nextExpiry = expiresAt;
            }

            return HoldChange.Taken;
        }

        if (existing.IsAllocation)
        {
            return existing.Quantity == quantity
                ? HoldChange.Unchanged
                : throw new InventoryRuleException(
                    $"Reservation '{reservationId}' is confirmed for {existing.Quantity}; a confirmed allocation cannot be re-sized to {quantity}.");
        }

        var delta = quantity - existing.Quantity;
        if (delta > Available)
        {
            return HoldChange.Refused;
        }

        var amended = delta != 0 || expiresAt > existing.ExpiresAt;
        _reserved = Reserved + delta;
        existing.Quantity = quantity;
        if (expiresAt > existing.ExpiresAt)
        {
            existing.ExpiresAt = expiresAt;
            _nextExpiryKnown = false;
        }

        return amended ? HoldChange.Amended : HoldChange.Unchanged;
    }

    /// <summary>Turns a hold into an allocation. Found: the reservation holds stock here; changed: it was not confirmed yet.</summary>
    public (bool Found, bool Changed) Confirm(string reservationId)
    {
        if (!Holds.TryGetValue(reservationId, out var hold))
        {
            return (false, false);
        }

        if (hold.IsAllocation)
        {
            return (true, false);
        }

        hold.ExpiresAt = null;
        _nextExpiryKnown = false;
        return (true, true);
    }

    public bool Release(string reservationId)
    {
        if (!Holds.TryGetValue(reservationId, out var hold))
        {
            return false;
        }

        Remove(reservationId, hold);
        return true;
    }

    /// <summary>The allocation left the warehouse: on hand drops by its quantity (not below zero) and the allocation ends.</summary>
    public bool Ship(string reservationId)
    {
        if (!Holds.TryGetValue(reservationId, out var hold))
        {
            return false;
        }

        if (!hold.IsAllocation)
        {
            throw new InventoryRuleException(
                $"Reservation '{reservationId}' only holds its stock until {hold.ExpiresAt:O}; confirm it before shipping.");
        }

        Remove(reservationId, hold);

        // A count set below what was allocated means the shipped units were never counted: on hand stops at zero.
        OnHand = Math.Max(0, OnHand - hold.Quantity);
        return true;
    }

    /// <summary>Releases every hold expired at <paramref name="now"/>; returns how many.</summary>
    public int ReleaseExpired(DateTimeOffset now)
    {
        if (NextExpiry is not { } next || next > now)
        {
            return 0;
        }

        var expired = Holds.Where(p => p.Value.ExpiresAt <= now).ToList();
        foreach (var (reservationId, hold) in expired)
        {
            Remove(reservationId, hold);
        }

        return expired.Count;
    }

    private void Remove(string reservationId, HoldState hold)
    {
        // Reserved is read before the removal: computed afterwards it would already leave the hold out.
        _reserved = Reserved - hold.Quantity;
        Holds.Remove(reservationId);
        if (hold.ExpiresAt is not null && hold.ExpiresAt == _nextExpiry)
        {
            _nextExpiryKnown = false;
        }
    }

    private static void NotNegative(int value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} is {value}; it must be zero or more.");
        }
    }
}
