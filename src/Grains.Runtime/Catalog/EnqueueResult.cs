namespace Grains.Runtime.Catalog;

internal enum EnqueueResult
{
    Accepted,

    /// <summary>The activation is gone; look it up again.</summary>
    Rejected,

    /// <summary>The call was refused (overload, deadlock); the request has not been queued.</summary>
    Refused,
}
