namespace Grains.Runtime.Catalog;

internal enum WorkKind
{
    Continuation,
    Request,

    /// <summary>A request that sat in the mailbox: its deadline may have passed while it waited.</summary>
    WaitedRequest,
    Activate,
    Deactivate,
}
