using Grains;

namespace Fulfillment.Contracts.Inventory;

/// <summary>
/// An inventory operation the position's rules forbid, where the contract defines no outcome for it: shipping stock
/// that is only held, re-sizing a confirmed allocation, stocking a warehouse that is not in the network. Not transient:
/// an event that breaks a rule is dead-lettered at once rather than retried.
/// </summary>
public sealed class InventoryRuleException : InvalidOperationException, INonTransientException
{
    public InventoryRuleException()
    {
    }

    public InventoryRuleException(string message)
        : base(message)
    {
    }

    public InventoryRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
