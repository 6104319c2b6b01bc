namespace Grains;

/// <summary>Why an activation is being deactivated.</summary>
public readonly record struct DeactivationReason(DeactivationReasonCode Code, string Description)
{
    public static DeactivationReason Idle { get; } = new(DeactivationReasonCode.ActivationIdle, "The activation was idle longer than its collection age.");

    public static DeactivationReason Requested { get; } = new(DeactivationReasonCode.ApplicationRequested, "The grain asked to be deactivated.");

    public static DeactivationReason ShuttingDown { get; } = new(DeactivationReasonCode.ShuttingDown, "The silo is shutting down.");

    public static DeactivationReason InconsistentState { get; } = new(DeactivationReasonCode.InconsistentState, "A state write found a newer ETag in storage.");

    public static DeactivationReason PartitionHandoff { get; } = new(DeactivationReasonCode.PartitionHandoff, "The silo no longer owns the grain's partition.");

    public static DeactivationReason StaleLease { get; } = new(DeactivationReasonCode.PartitionHandoff, "A write found the partition's lease claimed by another silo.");

    public override string ToString() => $"{Code}: {Description}";
}
