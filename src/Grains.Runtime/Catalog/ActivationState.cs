namespace Grains.Runtime.Catalog;

internal enum ActivationState
{
    /// <summary>In the directory; nothing has run yet.</summary>
    Created,

    /// <summary>Constructing the grain, reading its state, running OnActivateAsync. Requests wait.</summary>
    Activating,

    /// <summary>Taking requests.</summary>
    Valid,

    /// <summary>Running OnDeactivateAsync. Requests wait and move to the successor activation.</summary>
    Deactivating,

    /// <summary>Gone. Calls that still reach it are re-routed to a fresh activation.</summary>
    Invalid,
}
