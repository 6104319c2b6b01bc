namespace Grains.Runtime.Catalog;

internal enum Admission
{
    /// <summary>The request may start now; it has been counted as running.</summary>
    Now,

    /// <summary>The request must wait in the mailbox.</summary>
    Wait,

    /// <summary>Waiting would never end: a running request it cannot interleave with is waiting for it.</summary>
    Deadlock,
}
