namespace Grains;

public enum DeactivationReasonCode
{
    None,
    ActivationIdle,
    ApplicationRequested,
    ShuttingDown,
    InconsistentState,
    PartitionHandoff,
}
